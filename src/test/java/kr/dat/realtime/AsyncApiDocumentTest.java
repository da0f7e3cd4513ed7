package kr.dat.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/asyncapi.yaml parses and describes exactly the actions the headset endpoint speaks. */
class AsyncApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void documentsEveryAction() throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("docs/asyncapi.yaml")));
        assertEquals("3.0.0", doc.get("asyncapi"));
        Map<String, Object> channels = (Map<String, Object>) doc.get("channels");
        Map<String, Object> headset = (Map<String, Object>) channels.get("headset");
        assertEquals("/ws/diagnosis/{patient_code}", headset.get("address"));
        Set<String> documented = new TreeSet<>(((Map<String, Object>) headset.get("messages")).keySet());
        Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("messages");
        assertEquals(documented, new TreeSet<>(components.keySet()));

        Set<String> spoken = new TreeSet<>();
        for (Field f : HeadsetFrames.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                spoken.add((String) f.get(null));
            }
        }
        assertEquals(7, spoken.size());
        assertEquals(spoken, documented);
        assertTrue(((Map<String, Object>) doc.get("operations")).size() >= 7);
    }
}

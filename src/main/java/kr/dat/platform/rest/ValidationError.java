package kr.dat.platform.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** One entry of a 422 body: {@code {"type","loc","msg","input","ctx"?}}. */
@JsonbPropertyOrder({"type", "loc", "msg", "input", "ctx"})
public record ValidationError(String type, List<Object> loc, String msg,
                              @JsonbNillable Object input, Map<String, Object> ctx) {

    /** The 422 body: {@code {"detail": [entries...]}}. */
    public record Body(List<ValidationError> detail) {
    }

    public static Response response(List<ValidationError> errors) {
        return Response.status(422)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(new Body(errors))
                .build();
    }

    public static ValidationError jsonInvalid() {
        return new ValidationError("json_invalid", List.of("body"), "JSON decode error", null,
                Map.of("error", "the request body is not valid JSON of the expected shape"));
    }
}

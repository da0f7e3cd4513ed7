package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import kr.dat.devstack.LegacyDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's chromium, installed by .ci/run) plays the headset through the mock VR
 * page while the test plays the doctor over REST and SSE; then the API docs page renders.
 * Screenshots: target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    private static final Path SHOTS = Path.of("target/screenshots");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL url;

    Api api;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        api = new Api(url);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("dat.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("dat-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("dat.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aWholeSessionThroughTheMockHeadsetPage() throws Exception {
        LiveSession s = LiveSession.create(api);
        browser.get(api.base() + "test/mock-vr");
        browser.findElement(By.id("code")).sendKeys(s.patientCode());
        browser.findElement(By.id("connect")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "connected"));

        int id = s.startOk();
        wait.until(ExpectedConditions.attributeToBe(By.id("diagnosis"), "value", Integer.toString(id)));
        try (StatusWatcher sse = s.watch(id)) {
            sse.expect("READY");
            browser.findElement(By.id("started")).click();
            sse.expect("STARTED");
            Path csv = LegacyDatabase.fixtures().resolve("balanceball_level1_sample.csv").toAbsolutePath();
            browser.findElement(By.id("file")).sendKeys(csv.toString());
            screenshot("mock-vr-mid-session.png");
            browser.findElement(By.id("upload")).click();
            sse.expect("COMPLETED");
        }
        String log = browser.findElement(By.id("log")).getText();
        assertTrue(log.contains("s_start_diagnosis") && log.contains("c_upload_result"), log);
        screenshot("mock-vr-completed.png");
    }

    @Test
    void theDocsPageRendersTheOperationsBelowTheWebSocketProtocol() throws Exception {
        browser.get(api.base() + "docs");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 10));
        assertTrue(browser.findElement(By.id("websocket-protocol")).isDisplayed());
        assertTrue(browser.getPageSource().contains("/diagnosis/start"));
        screenshot("docs.png");
    }
}

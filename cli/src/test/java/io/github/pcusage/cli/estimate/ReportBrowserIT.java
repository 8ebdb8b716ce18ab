package io.github.pcusage.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html in a real browser: headless Chromium through {@code /usr/bin/chromedriver} (Debian
 * packages {@code chromium} and {@code chromium-driver}; nothing is downloaded). No console error,
 * every chart drawn, the totals shown are the embedded ones; a screenshot is saved under {@code
 * target/}. Skipped, saying how to enable it, where the two packages are missing; {@code .ci/run}
 * installs them.
 */
class ReportBrowserIT {
  static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "headless Chromium is not installed: run `apt-get install -y chromium chromium-driver`"
            + " to run the browser test of report.html");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,2400",
        "--no-first-run",
        "--disable-background-networking");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theReportRendersWithoutErrorsEveryChartDrawnAndTheTotalsShown(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("report.html");
    ReportHtml.write(ReportSamples.report(), file);
    Map<String, Object> data = ReportHtmlTest.data(org.jsoup.Jsoup.parse(file.toFile(), "UTF-8"));

    browser.get(file.toUri().toString());

    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .collect(Collectors.toList());
    assertThat(errors).as("console errors").isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
        .as("a customer name ran as script")
        .isEqualTo(true);

    List<WebElement> charts = browser.findElements(By.cssSelector(".chart"));
    assertThat(charts).hasSize(4);
    for (WebElement chart : charts) {
      Object painted =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "var c = arguments[0].querySelector('canvas'); if (!c) return 0;"
                      + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                      + " var n = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }"
                      + " return n;",
                  chart);
      assertThat(((Number) painted).longValue())
          .as("painted pixels of #" + chart.getAttribute("id"))
          .isGreaterThan(1000);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> totals = (Map<String, Object>) data.get("totals");
    String total = browser.findElement(By.cssSelector(".kpi.total .value")).getText();
    assertThat(total).endsWith("EUR");
    assertThat(total.replaceAll("[^0-9.-]", "")).isEqualTo(totals.get("amount"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> customers = (List<Map<String, Object>>) data.get("customers");
    List<WebElement> shown =
        browser.findElements(By.cssSelector("#table-customers td[data-amount]"));
    assertThat(shown).hasSize(customers.size());
    for (int i = 0; i < shown.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> t = (Map<String, Object>) customers.get(i).get("totals");
      assertThat(shown.get(i).getText().replace(",", "")).isEqualTo(t.get("amount"));
    }

    File shot = browser.getScreenshotAs(OutputType.FILE);
    Path target = Paths.get("target", "report-screenshot.png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }
}

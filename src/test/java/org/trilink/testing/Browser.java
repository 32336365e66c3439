package org.trilink.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, both named explicitly so that
 * Selenium Manager never tries to download anything. Helpers for PrimeFaces pages.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    public Browser(String base) throws IOException {
        this(base, false);
    }

    /**
     * With {@code trialCertificate}, the browser accepts a certificate nobody signed (the trial
     * certificate of docker/make-trial-certificate that the cluster check's nginx presents).
     */
    public Browser(String base, boolean trialCertificate) throws IOException {
        this.base = base.endsWith("/") ? base : base + "/";
        this.profile = Files.createTempDirectory("trilink-chromium");
        System.setProperty("webdriver.chrome.driver", ChromiumPresent.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumPresent.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--user-data-dir=" + profile, "--window-size=1280,1400",
                "--lang=en-US");
        if (trialCertificate) {
            options.addArguments("--ignore-certificate-errors");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumPresent.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + (path.startsWith("/") ? path.substring(1) : path));
    }

    /**
     * The cookies the browser holds for the site, to make a plain HTTP request in its session.
     * All of them, as the browser sends them: a distributable application's session is named by
     * JSESSIONID together with JSESSIONIDVERSION.
     */
    public java.util.Map<String, String> cookies() {
        java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
        driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
        return cookies;
    }

    /** Signs in on the portal's login page, in a fresh session. */
    public void signIn(String user) {
        signIn(user, user + "-demo");
    }

    /** Signs in with a password of one's own (an account the test made), in a fresh session. */
    public void signIn(String user, String password) {
        attemptSignIn(user, password);
        waitFor(By.id("currentUser"));
    }

    /**
     * After signing in with a password the admin set: the portal has sent the person to the password
     * page, saying why; the change is made there, then the desk opens. Returns the new password.
     */
    public String changeDuePassword(String given, String chosen) {
        waitFor(By.id("password:due"));
        if (!driver.getCurrentUrl().contains("account/password.xhtml")) {
            throw new AssertionError("not sent to the password page: " + driver.getCurrentUrl());
        }
        type("password:current", given);
        type("password:newPassword", chosen);
        type("password:repeated", chosen);
        clickAjax("password:change");
        waitForText(By.id("password:messages"), "密码已修改");
        open("");
        waitFor(By.id("currentUser"));
        return chosen;
    }

    /** Sends the login form, in a fresh session, without waiting for the desk (a refused login stays on the form). */
    public void attemptSignIn(String user, String password) {
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().deleteCookieNamed("JSESSIONIDVERSION");
        open("login");
        type("login:username", user);
        type("login:password", password);
        driver.findElement(By.id("login:signIn")).click();
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Chooses a value of a PrimeFaces selectOneMenu through its widget, as a click would. */
    public void choose(String clientId, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", clientId, value);
        waitForAjax();
    }

    public void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /** Clicks a button that sends an ajax request, then waits for its answer. */
    public void clickAjax(String id) {
        click(id);
        waitForAjax();
    }

    /** Clicks the element with this CSS class (buttons in repeated rows have generated ids), then waits. */
    public void clickClass(String cssClass) {
        driver.findElement(By.cssSelector("." + cssClass)).click();
        waitForAjax();
    }

    public boolean present(String cssClass) {
        return !driver.findElements(By.cssSelector("." + cssClass)).isEmpty();
    }

    public void waitForAjax() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);"));
    }

    public WebElement waitFor(By what) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    public void waitForText(By what, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    public String text(By what) {
        return driver.findElement(what).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public List<WebElement> all(By what) {
        return driver.findElements(what);
    }

    /** Saves what the browser shows now, under target/screenshots (kept by CI as an artifact). */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("trilink.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}

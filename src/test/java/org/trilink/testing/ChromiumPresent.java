package org.trilink.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run where Debian's chromium and chromedriver are installed (.ci/run installs
 * them) and are skipped, with this reason, elsewhere. Checked before Arquillian starts a
 * server, so a machine without a browser does not pay for one.
 */
public class ChromiumPresent implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of(System.getProperty("trilink.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("trilink.chromedriver", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium found at " + CHROMIUM);
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                + ". Install them with `apt-get install chromium chromium-driver` (as .ci/run does).");
    }
}

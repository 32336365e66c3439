package org.trilink.platform.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Outcome;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;

/** Every word a page shows exists in Chinese and in English. */
class BundlesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/trilink/portal/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties zh = load("messages_zh.properties");
        Properties en = load("messages_en.properties");
        assertThat(new TreeSet<>(zh.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        assertThat(zh.getProperty("nav.cases")).isEqualTo("案件");
        assertThat(en.getProperty("nav.cases")).isEqualTo("Cases");
    }

    @Test
    void everyEnumShownHasANameInBothLanguages() throws IOException {
        Properties zh = load("messages_zh.properties");
        Properties en = load("messages_en.properties");
        for (Class<? extends Enum<?>> type : java.util.List.<Class<? extends Enum<?>>>of(CaseStatus.class,
                Channel.class, DisputeType.class, MatterKind.class, RiskLevel.class, PartyRole.class,
                PartyKind.class, Outcome.class, AgreementForm.class, IntakeMode.class, org.trilink.cases.entity.Move.class,
                org.trilink.mediation.entity.FailureGuidance.class, org.trilink.mediation.entity.FollowUpMethod.class,
                org.trilink.mediation.entity.Performance.class, org.trilink.mediation.entity.SessionStatus.class,
                org.trilink.referrals.entity.ReferralStatus.class, org.trilink.platform.security.Role.class,
                org.trilink.offices.entity.OfficeType.class, org.trilink.cases.entity.AdminResolution.class,
                org.trilink.mediation.entity.MediatorCapacity.class, org.trilink.documents.entity.DocumentKind.class,
                org.trilink.documents.entity.SigningChannel.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = type.getSimpleName() + "." + constant.name();
                assertThat(zh.getProperty(key)).as(key).isNotBlank();
                assertThat(en.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void everyHistoryEventHasANameInBothLanguages() throws IOException {
        Properties zh = load("messages_zh.properties");
        Properties en = load("messages_en.properties");
        // every kind of typed change, the document and ledger events among them
        for (var kind : org.trilink.cases.entity.CaseChange.Kind.values()) {
            assertThat(zh.getProperty("CaseEvent." + kind.name())).as(kind.name()).isNotBlank();
            assertThat(en.getProperty("CaseEvent." + kind.name())).as(kind.name()).isNotBlank();
        }
        assertThat(zh.getProperty("history.backfilled")).isEqualTo("补录");
        assertThat(en.getProperty("history.backfilled")).isNotBlank();
    }

    @Test
    void everyLedgerRefusalHasWordsInBothLanguages() throws IOException {
        Properties zh = load("messages_zh.properties");
        Properties en = load("messages_en.properties");
        for (String code : org.trilink.partners.control.LedgerImport.REFUSAL_CODES) {
            assertThat(zh.getProperty("ledger.refusal." + code)).as(code).isNotBlank();
            assertThat(en.getProperty("ledger.refusal." + code)).as(code).isNotBlank();
        }
    }

    @Test
    void everyKeyThePagesAndBeansUseExists() throws IOException {
        Set<String> keys = load("messages_zh.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern inPages = Pattern.compile("msg\\['([A-Za-z.]+)'\\]");
        Pattern inJava = Pattern.compile("text\\(\"([A-Za-z.]+)\"");
        for (Path root : new Path[] {Path.of("src/main/webapp"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".xhtml") || f.toString().endsWith(".java"))
                        .toList()) {
                    Matcher m = (file.toString().endsWith(".xhtml") ? inPages : inJava).matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }
}

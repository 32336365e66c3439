package org.trilink.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void bothLanguagesHaveTheSameMessages() {
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle zh = ResourceBundle.getBundle(Templates.BUNDLE, Locale.SIMPLIFIED_CHINESE, exact);
        ResourceBundle en = ResourceBundle.getBundle(Templates.BUNDLE, Locale.ENGLISH, exact);
        assertThat(zh.keySet()).isEqualTo(en.keySet()).contains("referral.arrived.subject", "referral.overdue.body",
                "followup.due.body", "case.accepted.sms", "case.outcome.sms");
    }

    @Test
    void textsAreFilledInTheAskedLanguageChineseFirst() {
        assertThat(Templates.render("zh-CN", "referral.arrived.subject", "TL2026-000001"))
                .isEqualTo("【三所联动】新转介案件 TL2026-000001");
        assertThat(Templates.render("en", "referral.arrived.subject", "TL2026-000001"))
                .isEqualTo("[TriLink] New referral TL2026-000001");
        assertThat(Templates.render("fr", "case.accepted.sms", "TL2026-000001", "", "赵巷司法所"))
                .isEqualTo("【三所联动】您的纠纷（案件号TL2026-000001）已由赵巷司法所受理，调解员将与您联系。");
        assertThat(Templates.render("zh-CN", "outcome.SUCCESS")).isEqualTo("调解成功");
    }

    @Test
    void aSubjectShowsOnlyTheFirstWordsOfTheSummary() {
        assertThat(Templates.gist("  楼上漏水，\n双方多次争吵  ")).isEqualTo("楼上漏水， 双方多次争吵");
        assertThat(Templates.gist("一".repeat(30))).hasSize(21).endsWith("…");
    }

    @Test
    void aSummaryShowsNoPhoneOrIdNumberInAnEmail() {
        // staff often note the caller's number in the summary; an e-mail shows it masked, as lists do
        assertThat(Templates.gist("报警人13800138000称楼上漏水")).isEqualTo("报警人138****8000称楼上漏水");
        assertThat(Templates.gist("11010519491231002X 张某与邻居争执")).isEqualTo("1101**********002X 张…");
        assertThat(Templates.gist("来电 021-59221234，物业纠纷")).isEqualTo("来电 021-****1234，物业纠纷");
        assertThat(Templates.gist("一".repeat(15) + "13800138000")).doesNotContain("1380013").endsWith("…");
        assertThat(Templates.gist("欠款 120000 元")).isEqualTo("欠款 120000 元");
    }
}

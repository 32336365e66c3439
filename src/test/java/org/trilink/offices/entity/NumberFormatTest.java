package org.trilink.offices.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberFormatTest {

    static final NumberFormat AGREEMENT = NumberFormat.of("青赵调字〔{year}〕第{n:4}号");

    @Test
    void writesTheYearAndThePaddedCounter() {
        assertThat(AGREEMENT.format(2026, 12)).isEqualTo("青赵调字〔2026〕第0012号");
        assertThat(AGREEMENT.format(2026, 12345)).isEqualTo("青赵调字〔2026〕第12345号");
        assertThat(NumberFormat.of("{n}/{year}").format(2023, 7)).isEqualTo("7/2023");
        // $ and \\ in an office's text are text, not replacement groups
        assertThat(NumberFormat.of("$\\{year}-{n:2}").format(2024, 3)).isEqualTo("$\\2024-03");
    }

    @Test
    void readsANumberBackWhateverBracketsTheClerkTyped() {
        for (String typed : List.of("青赵调字〔2023〕第0041号", "青赵调字[2023]第0041号", "青赵调字【2023】第41号",
                "青赵调字（2023）第0041号", "青赵调字(2023)第0041号", " 青赵调字〔2023〕第0041号 ")) {
            assertThat(AGREEMENT.read(typed)).as(typed).contains(new NumberFormat.Numbered(2023, 41));
        }
        assertThat(NumberFormat.of("{n}/{year}").read("7/2023")).contains(new NumberFormat.Numbered(2023, 7));
        // another office's number, a ledger's own row id, a zero counter: not this office's number
        assertThat(AGREEMENT.read("青夏调字〔2023〕第0041号")).isEmpty();
        assertThat(AGREEMENT.read("L1-2023-41")).isEmpty();
        assertThat(AGREEMENT.read("青赵调字〔2023〕第0000号")).isEmpty();
        assertThat(AGREEMENT.read(null)).isEmpty();
    }

    @Test
    void aFormatHasTheYearAndTheCounterOnceEach() {
        assertThat(NumberFormat.valid("青赵调登〔{year}〕第{n:4}号")).isTrue();
        assertThat(NumberFormat.valid("{year}-{n}")).isTrue();
        for (String bad : List.of("青赵调登第{n:4}号", "青赵调登〔{year}〕", "{year}{year}{n}", "{year}{n}{n:2}",
                "{year}-{n:9}", "{year}-{n}-{m}", "{year}-{n", "", "x".repeat(60) + "{year}{n}")) {
            assertThat(NumberFormat.valid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> NumberFormat.of("第{n}号")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NumberFormat.spellings("青赵调登[2026]第0012号"))
                .containsExactly("青赵调登[2026]第0012号", "青赵调登〔2026〕第0012号");
        assertThat(NumberFormat.spellings("TL2026-000123")).containsExactly("TL2026-000123");
    }
}

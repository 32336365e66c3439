package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the policy refuses, in the words the API answers with. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    PasswordPolicyTest() {
        policy.minLength = 10;
        policy.minKinds = 3;
        policy.history = 5;
    }

    @Test
    void lengthKindsAndTheUserName() {
        assertThat(policy.faults("zhangsan", "Xiaoming-2026")).isEmpty();
        assertThat(policy.faults("zhangsan", "Ab1-")).containsExactly("at least 10 characters");
        assertThat(policy.faults("zhangsan", "abcdefghijk1")).singleElement().asString().contains("3 kinds");
        assertThat(policy.faults("zhangsan", "ZhangSan-2026")).containsExactly("must not contain the user name");
        assertThat(policy.faults("zhangsan", null)).containsExactly("at least 10 characters");
        assertThat(policy.faults("zs", "zs-Password1")).isEmpty(); // too short a name to forbid
    }

    @Test
    void chineseCharactersCountAsAKindOfTheirOwn() {
        assertThat(PasswordPolicy.kinds("调解员abc12345")).isEqualTo(3);
        assertThat(PasswordPolicy.kinds("Abc-1")).isEqualTo(4);
    }
}

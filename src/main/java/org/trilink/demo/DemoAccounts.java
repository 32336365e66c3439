package org.trilink.demo;

import java.util.List;
import java.util.Set;
import org.trilink.platform.security.Role;

/** The demo logins the README lists. Their passwords are public, so production refuses them. */
public final class DemoAccounts {

    public record Account(String username, String password, String displayName, String officeCode, Set<Role> roles) {
    }

    public static final List<Account> ALL = List.of(
            new Account("admin", "admin-demo", "区管理员 District admin", null, Set.of(Role.ADMIN)),
            new Account("mediator", "mediator-demo", "王调解 Wang (mediator)", "JO-ZHAOXIANG", Set.of(Role.STAFF)),
            new Account("police", "police-demo", "李警官 Officer Li", "PS-ZHAOXIANG", Set.of(Role.STAFF)),
            new Account("lawyer", "lawyer-demo", "陈律师 Chen (lawyer)", "LF-MINGLI", Set.of(Role.STAFF)),
            new Account("drafter", "drafter-demo", "周文书 Zhou (report drafter)", null, Set.of(Role.DRAFTER)),
            new Account("head", "head-demo", "赵所长 Zhao (head of office)", "JO-ZHAOXIANG",
                    Set.of(Role.STAFF, Role.OFFICE_HEAD)),
            new Account("mediator2", "mediator2-demo", "孙调解 Sun (mediator, Xujing)", "JO-XUJING", Set.of(Role.STAFF)),
            new Account("police2", "police2-demo", "刘警官 Officer Liu (Xujing)", "PS-XUJING", Set.of(Role.STAFF)));

    private DemoAccounts() {
    }
}

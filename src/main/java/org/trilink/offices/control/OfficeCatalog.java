package org.trilink.offices.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.offices.entity.Region;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/** Reads the district's regions and offices; the district admin adds, changes and disables offices. */
@ApplicationScoped
public class OfficeCatalog {

    private static final Logger LOG = Logger.getLogger(OfficeCatalog.class.getName());

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CurrentUser user;

    public List<Region> regions() {
        return em.createQuery("select r from Region r order by r.code", Region.class).getResultList();
    }

    /** The region codes, read once: regions are reference data that only a Flyway migration (and a restart) changes. */
    private volatile Set<String> regionCodes;

    /** Whether the code names a region of the catalogue; asked by every intake, so answered from memory. */
    public boolean isRegion(String code) {
        Set<String> codes = regionCodes;
        if (codes == null) {
            codes = Set.copyOf(em.createQuery("select r.code from Region r", String.class).getResultList());
            regionCodes = codes;
        }
        return code != null && codes.contains(code);
    }

    /** Region codes by the names a ledger writes (赵巷镇, 赵巷, Zhaoxiang Town), read once like the codes. */
    private volatile java.util.Map<String, String> regionNames;

    /**
     * The code of the region with this name: its Chinese name, that name without 镇 / 街道 /
     * 街道办事处, or its English name (any case). A town or street wins over a village of the same name.
     */
    public Optional<String> regionNamed(String name) {
        java.util.Map<String, String> names = regionNames;
        if (names == null) {
            java.util.Map<String, String> byName = new java.util.HashMap<>();
            List<Region> all = regions();
            for (boolean towns : new boolean[] {false, true}) {
                for (Region r : all) {
                    if ("TOWN".equals(r.level()) != towns) {
                        continue;
                    }
                    String zh = r.nameZh().strip();
                    byName.put(zh, r.code());
                    String shortName = zh.replaceFirst("(街道办事处|街道|镇|乡)$", "");
                    if (shortName.length() >= 2) {
                        byName.put(shortName, r.code());
                    }
                    if (r.nameEn() != null) {
                        byName.put(r.nameEn().strip().toLowerCase(java.util.Locale.ROOT), r.code());
                    }
                }
            }
            names = java.util.Map.copyOf(byName);
            regionNames = names;
        }
        if (name == null) {
            return Optional.empty();
        }
        String key = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).strip();
        String code = names.get(key);
        return Optional.ofNullable(code != null ? code : names.get(key.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Region.class, code));
    }

    public List<Office> offices(OfficeType type, String regionCode) {
        return em.createQuery("select o from Office o where (:type is null or o.type = :type)"
                        + " and (:region is null or o.regionCode = :region) order by o.code", Office.class)
                .setParameter("type", type)
                .setParameter("region", regionCode)
                .getResultList();
    }

    public Optional<Office> office(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Office.class, code));
    }

    public Office get(String code) {
        return office(code).orElseThrow(() -> ProblemException.notFound("No office " + code + "."));
    }

    /** A new office, active at once. The same code twice is a conflict (409), whatever the case of the rest. */
    @Transactional
    public Office create(@NotNull @Valid @ConvertGroup(from = Default.class, to = OfficeForm.New.class) OfficeForm form) {
        requireAdmin();
        checkRegion(form.getRegionCode());
        if (em.find(Office.class, form.getCode()) != null) {
            throw ProblemException.conflict("An office " + form.getCode() + " exists already.");
        }
        Office office = new Office(form.getCode(), OfficeType.valueOf(form.getType()), form.getNameZh().strip(),
                form.getNameEn().strip(), form.getRegionCode(), form.getReferralDeadlineHours(),
                form.getFollowUpDays());
        office.numberFormats(form.getRegisterFormat(), form.getDocumentFormat());
        em.persist(office);
        flushOrConflict("An office " + form.getCode() + " exists already.");
        LOG.info(() -> "Office " + office.code() + " created by " + user.username());
        return office;
    }

    /** New names, town and own deadlines of an office; its code and type stay. */
    @Transactional
    public Office change(String code, @NotNull @Valid OfficeForm form) {
        requireAdmin();
        Office office = get(code);
        checkRegion(form.getRegionCode());
        office.change(form.getNameZh().strip(), form.getNameEn().strip(), form.getRegionCode(),
                form.getReferralDeadlineHours(), form.getFollowUpDays());
        office.numberFormats(form.getRegisterFormat(), form.getDocumentFormat());
        LOG.info(() -> "Office " + code + " changed by " + user.username());
        return office;
    }

    /** A disabled office is offered for no new case, referral or partner; its cases and staff stay. */
    @Transactional
    public Office enable(String code, boolean on) {
        requireAdmin();
        Office office = get(code);
        office.enable(on);
        LOG.info(() -> "Office " + code + (on ? " enabled" : " disabled") + " by " + user.username());
        return office;
    }

    private void checkRegion(String code) {
        if (region(code).isEmpty()) {
            throw ProblemException.badRequest("regionCode", "no such region");
        }
    }

    /** Two admins adding the same code at once: the database's key decides, and the loser gets a 409. */
    private void flushOrConflict(String detail) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict(detail);
        }
    }

    void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin manages offices and staff.");
        }
    }
}

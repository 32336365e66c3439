package org.trilink.partners.control;

import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.offices.entity.Region;

/**
 * The district's reference data as Flyway's V2 migration inserts it, served by an office catalogue
 * without a database, so that ledger rows and templates are checked in seconds against the real
 * towns and offices.
 */
final class ReferenceData {

    private static final Path V2 = Path.of("src/main/resources/db/migration/V2__district_reference_data.sql");
    private static final Pattern INSERT = Pattern.compile("insert into (region|office) \\([^)]*\\) values \\((.*)\\);");
    private static final Pattern VALUE = Pattern.compile("'((?:[^']|'')*)'|null");

    static final List<Region> REGIONS = new ArrayList<>();
    static final List<Office> OFFICES = new ArrayList<>();

    static {
        try {
            for (String line : Files.readAllLines(V2, StandardCharsets.UTF_8)) {
                Matcher insert = INSERT.matcher(line.strip());
                if (!insert.matches()) {
                    continue;
                }
                List<String> v = new ArrayList<>();
                Matcher value = VALUE.matcher(insert.group(2));
                while (value.find()) {
                    v.add(value.group(1) == null ? null : value.group(1).replace("''", "'"));
                }
                if (insert.group(1).equals("region")) {
                    REGIONS.add(region(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)));
                } else {
                    OFFICES.add(new Office(v.get(0), OfficeType.valueOf(v.get(1)), v.get(2), v.get(3), v.get(4), null,
                            null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReferenceData() {
    }

    private static Region region(String code, String parent, String level, String zh, String en) {
        try {
            var constructor = Region.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            Region r = constructor.newInstance();
            for (String[] f : new String[][] {{"code", code}, {"parentCode", parent}, {"level", level},
                    {"nameZh", zh}, {"nameEn", en}}) {
                Field field = Region.class.getDeclaredField(f[0]);
                field.setAccessible(true);
                field.set(r, f[1]);
            }
            return r;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalogue's reading side over the reference data. */
    static OfficeCatalog catalog() {
        return new OfficeCatalog() {
            @Override
            public List<Region> regions() {
                return List.copyOf(REGIONS);
            }

            @Override
            public boolean isRegion(String code) {
                return REGIONS.stream().anyMatch(r -> r.code().equals(code));
            }

            @Override
            public Optional<String> regionNamed(String name) {
                return REGIONS.stream().filter(r -> r.nameZh().equals(name)
                                || r.nameZh().replaceFirst("(街道|镇)$", "").equals(name))
                        .map(Region::code).findFirst();
            }

            @Override
            public Optional<Region> region(String code) {
                return REGIONS.stream().filter(r -> r.code().equals(code)).findFirst();
            }

            @Override
            public List<Office> offices(OfficeType type, String regionCode) {
                return OFFICES.stream().filter(o -> type == null || o.type() == type)
                        .filter(o -> regionCode == null || regionCode.equals(o.regionCode())).toList();
            }

            @Override
            public Optional<Office> office(String code) {
                return OFFICES.stream().filter(o -> o.code().equals(code)).findFirst();
            }
        };
    }

    /** A ledger import that checks rows against the reference data (no mediators: no staff directory). */
    static LedgerImport ledgerImport() {
        LedgerImport ledgers = new LedgerImport();
        ledgers.offices = catalog();
        ledgers.intake = new PartnerIntake();
        ledgers.intake.validator = Validation.buildDefaultValidatorFactory().getValidator();
        return ledgers;
    }
}

package org.trilink.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Writes the demo data's cases into a database of the tests' own, as the server does on its first start. */
public final class DemoCases {

    private DemoCases() {
    }

    public static void write(Connection db, int count) throws SQLException {
        List<DemoCaseGenerator.Office> offices = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select code, type, region_code from office order by code");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                offices.add(new DemoCaseGenerator.Office(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        new DemoCaseWriter(db).write(new DemoCaseGenerator(310118L, offices,
                OffsetDateTime.of(2026, 11, 29, 8, 0, 0, 0, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai")).cases(count));
    }
}

package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Names of regions and offices, read from the reference tables (in Chinese or English). */
@ApplicationScoped
public class ReferenceNames {

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    public Map<String, String> regions(boolean chinese) {
        return read("select code, " + (chinese ? "name_zh" : "name_en") + " from region");
    }

    public Map<String, String> offices(boolean chinese) {
        return read("select code, " + (chinese ? "name_zh" : "name_en") + " from office");
    }

    private Map<String, String> read(String sql) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read names", e);
        }
        return out;
    }
}

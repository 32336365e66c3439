package org.trilink.testing;

import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Makes the district's today a day off or a working day in the server's working calendar for one
 * test (the server's clock cannot be set; its calendar can), and gives the day back as it was on
 * close. Changes go through the admin API, so they are in the calendar's change log.
 */
public final class TodayInTheCalendar implements AutoCloseable {

    private final Api api;
    private final LocalDate today;
    private final Map<String, String> before;

    public TodayInTheCalendar(Api api, ZoneId zone) {
        this.api = api;
        this.today = LocalDate.now(zone);
        JsonPath year = api.as("admin").get("/api/v1/calendar/" + today.getYear()).then().statusCode(200)
                .extract().jsonPath();
        this.before = year.getMap("days.find { it.day == '" + today + "' }");
    }

    public LocalDate date() {
        return today;
    }

    public void makeDayOff() {
        put("HOLIDAY", "测试假日");
    }

    public void makeWorkingDay() {
        if (weekend()) {
            put("WORKDAY", "测试调休");
        } else {
            api.as("admin").delete("/api/v1/calendar/days/" + today).then().statusCode(204);
        }
    }

    /** Whether the calendar as it stands makes today a working day. */
    public boolean working() {
        return api.workingCalendar(today.getYear()).test(today);
    }

    @Override
    public void close() {
        if (before == null) {
            api.as("admin").delete("/api/v1/calendar/days/" + today).then().statusCode(204);
        } else {
            put(before.get("kind"), before.get("name"));
        }
    }

    private boolean weekend() {
        return today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private void put(String kind, String name) {
        api.as("admin").body("{\"kind\": \"" + kind + "\", \"name\": \"" + name + "\"}")
                .put("/api/v1/calendar/days/" + today).then().statusCode(200);
    }
}

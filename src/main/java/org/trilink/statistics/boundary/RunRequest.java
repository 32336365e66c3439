package org.trilink.statistics.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run to start. Checked in StatisticsRuns.parameters, which names every faulty field. */
@Schema(description = "The figures of one period, kind of matter and scope")
public class RunRequest {

    @Schema(description = "PEOPLES_MEDIATION or ADMINISTRATIVE", required = true)
    public String matterKind;

    @Schema(description = "first day of the period, inclusive, local date in Asia/Shanghai", example = "2023-01-01",
            required = true)
    public String from;

    @Schema(description = "cut-off date, inclusive", example = "2023-10-31", required = true)
    public String to;

    @Schema(description = "a region or office code; default the whole district")
    public String scope;
}

package org.trilink.partners.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.MatterKind;
import org.trilink.partners.control.LedgerTemplates;

/** The template's Chinese file name as a browser reads it back from Content-Disposition (RFC 5987). */
class LedgerTemplateNameTest {

    @Test
    void theChineseFileNameIsPercentEncodedUtf8WithOnlyAttrCharsLeft() {
        String encoded = LedgersResource.rfc5987(LedgerTemplates.fileName(MatterKind.ADMINISTRATIVE));
        assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+").endsWith(".xlsx");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("行政争议登记导入模板.xlsx");
        // a blank, a quote and a semicolon would end the header's parameter: encoded too
        assertThat(LedgersResource.rfc5987("a b\";c")).isEqualTo("a%20b%22%3Bc");
    }
}

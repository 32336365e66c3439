package org.trilink.documents.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** An office's poster: one A4 page, the office's name in Chinese, and a QR code that reads back as the address. */
class OfficePostersTest {

    @Test
    void thePostersQrCodeOpensTheOfficesApplyPage() throws Exception {
        String url = "https://tiaojie.example.gov.cn/public/apply.xhtml?office=JO-ZHAOXIANG";
        byte[] pdf = new OfficePosters().poster("赵巷司法所", "Zhaoxiang Judicial Office", url);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
            assertThat(new PDFTextStripper().getText(doc)).contains("赵巷司法所", "扫码申请调解", url);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 100);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
            assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(url);
        }
    }
}

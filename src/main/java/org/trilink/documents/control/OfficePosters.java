package org.trilink.documents.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * An office's poster (A4 PDF): where to apply online for mediation, with a QR code of the apply
 * page naming the office (issue 24). Drawn with OpenPDF and the bundled CJK fonts, as the case
 * documents are; the QR code (ZXing, error correction M) is drawn as vector squares, so that it
 * prints sharp at any size.
 */
@ApplicationScoped
public class OfficePosters {

    /** The poster of an office: its names and the address the QR code opens. */
    public byte[] poster(String officeNameZh, String officeNameEn, String applyUrl) {
        BundledFonts.requirePrintable(officeNameZh);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("在线申请调解 · " + officeNameZh);
            doc.addCreator("TriLink");
            doc.open();
            Font title = new Font(BundledFonts.main(), 30, Font.BOLD, Color.BLACK);
            Font big = new Font(BundledFonts.main(), 18, Font.NORMAL, Color.BLACK);
            Font small = new Font(BundledFonts.main(), 11, Font.NORMAL, Color.DARK_GRAY);
            doc.add(centred("扫码申请调解", title));
            doc.add(centred("Apply for mediation online", big));
            doc.add(centred(officeNameZh, big));
            if (officeNameEn != null && !officeNameEn.isBlank()) {
                doc.add(centred(officeNameEn, small));
            }
            // the QR code in the page's flow (a vector template as an image), so nothing overlaps it
            float size = 280;
            PdfTemplate qr = writer.getDirectContent().createTemplate(size, size);
            drawQr(qr, applyUrl, 0, 0, size);
            Image image = Image.getInstance(qr);
            image.setAlignment(Element.ALIGN_CENTER);
            image.setSpacingBefore(12);
            image.setSpacingAfter(12);
            doc.add(image);
            doc.add(centred("用手机扫描二维码：说明纠纷，短信验证手机号，即可在线申请，随时查询进度。", small));
            doc.add(centred("Scan with your phone: describe the dispute, confirm your phone by SMS code, follow"
                    + " your case.", small));
            doc.add(centred(applyUrl, small));
            doc.add(centred("我们依照《个人信息保护法》处理您的个人信息，仅用于调解。", small));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The poster could not be written", e);
        }
        return out.toByteArray();
    }

    private static Paragraph centred(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(8);
        return p;
    }

    static void drawQr(PdfContentByte canvas, String text, float x, float y, float size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The address is too long for a QR code", e);
        }
        float cell = size / m.getWidth();
        canvas.saveState();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    canvas.rectangle(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}

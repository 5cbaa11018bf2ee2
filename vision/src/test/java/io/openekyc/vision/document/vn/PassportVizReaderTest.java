package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassportVizReaderTest {

    @Test
    void theImmigrationDepartmentReadWithSlippedMarksIsItsName() {
        CccdFrontReader.Field marks = PassportVizReader.issuer("Cục Quán lý xuất nhập cánh");
        assertThat(marks.value()).isEqualTo("Cục Quản lý xuất nhập cảnh");
        assertThat(marks.toBeReviewed()).isFalse();

        CccdFrontReader.Field letters = PassportVizReader.issuer("Cục Quản lý xuất sập cónh");
        assertThat(letters.value()).isEqualTo("Cục Quản lý xuất nhập cảnh");
        assertThat(letters.toBeReviewed()).isTrue();
    }

    @Test
    void anotherIssuerIsKeptAsRead() {
        assertThat(PassportVizReader.issuer("Đại sứ quán Việt Nam tại Nhật Bản").value())
                .isEqualTo("Đại sứ quán Việt Nam tại Nhật Bản");
        // A provincial office differs in its first word: five edits, not the department.
        assertThat(PassportVizReader.issuer("Phòng Quản lý xuất nhập cảnh").value())
                .isEqualTo("Phòng Quản lý xuất nhập cảnh");
        // Glare took the first words: too little is left to say whose name it was.
        assertThat(PassportVizReader.issuer("n lý xuất nhập cảnh").value()).isEqualTo("n lý xuất nhập cảnh");
    }
}

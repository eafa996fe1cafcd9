package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderCsvTest {

    // The quote character is one no row uses: JUnit's default (') would eat the apostrophes expected.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "a, b|\"a, b\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "=SUM(A1)|'=SUM(A1)",
            "-1+2|'-1+2",
            "@home|'@home",
            "생일 축하|생일 축하"})
    void fieldsShouldBeQuotedAndFormulasDefused(String value, String expected) {
        assertThat(OrderCsv.field(value)).isEqualTo(expected);
    }
}

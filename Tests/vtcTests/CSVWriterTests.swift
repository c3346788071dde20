import Testing
import VTCCodec

@Suite struct CSVWriterTests {
    @Test func plainFieldsStayAsTheyAre() {
        #expect(CSVWriter.row(["a", "Bostedet Åen", "3"]) == "a,Bostedet Åen,3\r\n")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(CSVWriter.row(["a,b", "sagde \"nej\"", "to\nlinjer"]) == "\"a,b\",\"sagde \"\"nej\"\"\",\"to\nlinjer\"\r\n")
    }
}

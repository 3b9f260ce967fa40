import Testing
import WuyeCore

struct TextTrimmingTests {
    @Test func plainTextComesBackUnchanged() {
        #expect("海逸花园".trimmedWhitespace == "海逸花园")
        #expect("370202".trimmedWhitespace == "370202")
        #expect("".trimmedWhitespace == "")
    }

    @Test func asciiAndChineseSpacesAroundTextAreTrimmed() {
        #expect("  3号楼\t".trimmedWhitespace == "3号楼")
        #expect("\u{3000}张三\u{3000}".trimmedWhitespace == "张三")
        #expect("\u{00A0}501\r\n".trimmedWhitespace == "501")
        #expect("王 小明".trimmedWhitespace == "王 小明")
    }
}

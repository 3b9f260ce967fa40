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

    @Test func everyUnicodeSpaceIsTrimmedAndNothingElse() {
        // The whole Basic Multilingual Plane and a little beyond: every UTF-8 lead byte the
        // byte-level shortcut decides on.
        for value in UInt32(0)...0x10100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let padded = "\(Character(scalar))x\(Character(scalar))"
            let expected = scalar.properties.isWhitespace ? "x" : padded
            #expect(padded.trimmedWhitespace == expected, "U+\(String(value, radix: 16))")
        }
    }
}

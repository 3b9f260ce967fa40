import Testing
import WuyeCore

@Test(arguments: [("张三", "张*"), ("王小明", "王**"), ("欧阳娜娜", "欧阳**"), ("司马相如", "司马**"), ("诸葛亮", "诸葛*")])
func maskingNameKeepsOnlyTheSurname(name: String, masked: String) {
    // Given a full name, When masked, Then the surname stays and each other character is one "*"
    #expect(Masking.name(name) == masked)
}

@Test func maskingNameTreatsTwoCharacterCompoundNamesAsGivenNamePlusSurname() {
    // Given only the two characters of a compound surname, Then something is still hidden
    #expect(Masking.name("欧阳") == "欧*")
    // And a surname that is not compound keeps one character only
    #expect(Masking.name("张欧阳") == "张**")
}

@Test func maskingNameLeavesOneCharacterAndEmptyNamesAlone() {
    #expect(Masking.name("张") == "张")
    #expect(Masking.name("") == "")
}

@Test func maskingNameCountsCharactersNotBytes() {
    // Given a rare character outside the Basic Multilingual Plane, Then it counts as one
    #expect(Masking.name("王𠀾明") == "王**")
    #expect(Masking.name("Anna") == "A***")
}

@Test func maskAudienceHasPublicNoticeAndStaff() {
    #expect(MaskAudience.allCases == [.publicNotice, .staff])
}

import Testing
import WuyeCore

@Test func domainErrorOnFieldKeepsCodeAndMessagesAndNamesTheField() {
    // Given an error raised by a value type that knows nothing of forms
    let error = DomainError(code: "invalid_area", message: "面积必须大于 0", english: "Area must be greater than 0")

    // When the caller attributes it to a field
    let labelled = error.on(field: "area")

    // Then only the field changes
    #expect(error.field == nil)
    #expect(labelled.field == "area")
    #expect(labelled.code == "invalid_area")
    #expect(labelled.message == "面积必须大于 0")
    #expect(labelled.english == "Area must be greater than 0")
    #expect(labelled != error)
}

@Test func domainErrorDescriptionIsEnglishWithFieldWhenKnown() {
    // Given an error with and without a field
    let error = DomainError(code: "invalid_phone", message: "电话号码无效", english: "Phone number is invalid")

    // When it is described, Then the English text appears and the field only when present
    #expect(error.description == "Phone number is invalid")
    #expect(error.on(field: "phone").description == "Phone number is invalid (field: phone)")
}

@Test func domainErrorsWithDifferentCodesAreNotEqual() {
    // Given two errors with the same text but different codes
    let first = DomainError(code: "a", message: "m", english: "e")
    let second = DomainError(code: "b", message: "m", english: "e")

    // Then they are distinct, and equal to an identical copy
    #expect(first != second)
    #expect(first == DomainError(code: "a", message: "m", english: "e"))
}

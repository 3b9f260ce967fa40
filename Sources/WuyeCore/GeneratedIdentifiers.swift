import Foundation

// Builders for synthetic identifiers used by the demo-data generator. They compute real
// check characters so the data passes the same validation as user input. Bad arguments are
// programming errors in the generator, hence preconditions rather than thrown errors.

extension ResidentID {
    /// A resident ID with the given address code (6 digits), birth date and sequence (1...999;
    /// odd for a man, even for a woman — GB 11643-1999), with its check character computed.
    public static func make(addressCode: String, year: Int, month: Int, day: Int, sequence: Int) -> ResidentID {
        precondition(addressCode.count == 6 && DigitText.isDigits(addressCode), "addressCode must be 6 digits")
        precondition((1900...9999).contains(year), "year must be 1900 or later")
        precondition(CivilDate(year: year, month: month, day: day) != nil, "birth date must exist")
        precondition((1...999).contains(sequence), "sequence must be 1...999")
        let first17 = addressCode + pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(sequence, 3)
        return ResidentID(validated: first17 + String(checkCharacter(forFirst17: first17)))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension CreditCode {
    /// A credit code from its first 8 characters (authority, type, 6-digit division, e.g.
    /// "91370200") and the 8-character organisation code body; appends the GB 11714 check
    /// character and then the GB 32100 check character.
    public static func make(first8: String, organisationCode8: String) -> CreditCode {
        precondition(first8.count == 8 && first8.allSatisfy { value(of: $0) != nil }, "first8 must be 8 code characters")
        precondition(
            organisationCode8.count == 8 && organisationCode8.allSatisfy { value(of: $0) != nil },
            "organisationCode8 must be 8 characters of 0-9 and A-Z without I, O, Z, S, V"
        )
        let first17 = first8 + organisationCode8 + String(organisationCheckCharacter(forFirst8: organisationCode8))
        return CreditCode(validated: first17 + String(checkCharacter(forFirst17: first17)))
    }
}

import WuyeCore

/// A property service company (物业服务企业) of the demo city.
public struct DemoPropertyCompany: Sendable, Hashable {
    public let name: String
    public let creditCode: CreditCode
}

/// Who serves a compound.
public enum DemoServiceKind: String, Sendable, CaseIterable {
    /// A property company under a service contract.
    case contract
    /// 政府兜底: the subdistrict provides basic service to an old open neighbourhood no company takes.
    case governmentBackstop = "government_backstop"
    /// 业主自管: the owners manage the compound themselves.
    case selfManaged = "self_managed"
}

/// How a contract charges (物业服务收费方式).
public enum DemoFeeModel: String, Sendable, CaseIterable {
    /// 包干制: a fixed fee; the company keeps the surplus and bears the loss.
    case lumpSum = "lump_sum"
    /// 酬金制: the fees are the owners' money; the company takes an agreed commission.
    case commission
}

/// One period of service for one compound. A compound may have an ended contract before its
/// current arrangement; they do not overlap.
public struct DemoServiceArrangement: Sendable, Hashable {
    public let compoundIndex: Int
    public let kind: DemoServiceKind
    /// Into `DemoCity.propertyCompanies`; nil unless `kind == .contract`.
    public let companyIndex: Int?
    public let feeModel: DemoFeeModel?
    /// "YYYY-MM-DD".
    public let startsOn: String
    /// "YYYY-MM-DD", the last day served; nil for an open-ended arrangement.
    public let endsOn: String?
}

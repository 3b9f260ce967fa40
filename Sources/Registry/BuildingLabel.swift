/// How buildings, units and homes are named on screen: "3号楼", "2单元", "3-2-501".
public enum BuildingLabel {
    public static func building(_ number: String) -> String { Int(number) != nil ? "\(number)号楼" : number }
    public static func unit(_ number: String) -> String { Int(number) != nil ? "\(number)单元" : number }
    public static func address(building: String, unit: String, home: String) -> String { "\(building)-\(unit)-\(home)" }
}

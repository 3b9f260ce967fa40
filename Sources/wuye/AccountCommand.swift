import Access
import ArgumentParser
import Foundation
import Storage
import WuyeCore

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Manage accounts from the server's shell.", subcommands: [AccountCreateCommand.self])
}

/// `wuye account create`: the first administrator, made on the server itself (everyone else is
/// created in the web by an administrator of a higher level, or claims their home).
struct AccountCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an account. The password is read from standard input (one line) or WUYE_ACCOUNT_PASSWORD.")

    @Option(help: "Mobile number (the sign-in name).") var mobile: String
    @Option(help: "Name.") var name: String
    @Option(help: "platform_administrator, administration_staff (with --division) or department_staff (with --division and --department).")
    var role: String = RoleKind.platformAdministrator.rawValue
    @Option(help: "Division code, 12 digits (administration and department staff).") var division: String?
    @Option(help: "Department: \(Department.allCases.map(\.rawValue).joined(separator: ", ")).") var department: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let role = try makeRole()
        let password = ProcessInfo.processInfo.environment["WUYE_ACCOUNT_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
        let db = try await WuyeDatabase.open(try database.url())
        do {
            let id = try await AccountStore(database: db).create(
                NewAccount(mobile: mobile, name: name, password: password, roles: [role]), by: .command("account create"))
            print("account \(id) created: \(role)")
        } catch let error as DomainError {
            await db.shutdown()
            printError("\(error.field.map { "--\($0): " } ?? "")\(error.message) (\(error.english))")
            throw ExitCode(1)
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }

    private func makeRole() throws -> Role {
        switch RoleKind(rawValue: role) {
        case .platformAdministrator: return .platformAdministrator
        case .administrationStaff: return try .administration(try divisionCode())
        case .departmentStaff:
            guard let department = department.flatMap(Department.init(rawValue:)) else {
                throw ValidationError("--department must be one of \(Department.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return try .department(department, division: try divisionCode())
        default:
            throw ValidationError("--role must be platform_administrator, administration_staff or department_staff; "
                                  + "other roles are granted in the web by an administrator")
        }
    }

    private func divisionCode() throws -> DivisionCode {
        do throws(DomainError) { return try DivisionCode(division ?? "") } catch {
            throw ValidationError("--division: \(error.english)")
        }
    }
}

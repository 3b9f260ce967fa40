import Access
import Cases
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/cases/settings`: a district office sets where each kind of case starts and which department
/// answers it at the top; the city office (and the platform) keeps the working calendar that every
/// deadline is counted in — each year's holidays and 调休 days from the State Council's notice.
struct CaseSettingsPages {
    let settings: CaseSettings
    let scopes: OfficeScopes
    let queries: RegistryQueries
    let renderer: PageRenderer
    let clock: any WuyeClock

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/cases/settings") { request, context in
            try await page(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.post("/cases/settings/routes") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let principal = try context.signedIn()
            guard principal.mayEver(.setCaseRoutes) else { throw AccessRefused(status: .forbidden) }
            guard let district = DivisionCode(rawValue: fields.text("division")), district.level == .district else {
                throw AccessRefused(status: .notFound)
            }
            try context.require(.setCaseRoutes, at: .division(district))
            var routes: [CaseKind: CaseRouting.Route] = [:]
            for kind in CaseKind.allCases {
                guard let level = CaseLevel(rawValue: fields.text("level_\(kind.rawValue)")),
                      let department = Department(rawValue: fields.text("department_\(kind.rawValue)")) else { continue }
                routes[kind] = .init(firstLevel: level, department: department)
            }
            do {
                let changed = try await settings.setRoutes(routes, district: district, by: context.actor)
                return try await page(context, asked: district.rawValue, values: ["saved": "已保存，\(changed) 类事项的分派规则有变化"], status: .ok)
            } catch let error as DomainError {
                return try await page(context, asked: district.rawValue, values: ["errors": ["routes": error.message]], status: .unprocessableContent)
            }
        }
        router.post("/cases/settings/calendar") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let principal = try context.signedIn()
            guard principal.mayEver(.setWorkingCalendar) else { throw AccessRefused(status: .forbidden) }
            do {
                let day = try CaseSettings.CalendarDay(day: fields.text("day"), working: fields.text("working") == "yes", note: fields.text("note"))
                try await settings.setDays([day], by: context.actor)
                return Response.redirect(to: "/cases/settings?year=\(day.day.year)", type: .normal)
            } catch let error as DomainError {
                return try await page(context, asked: nil, values: ["errors": [error.field ?? "day": error.message], "form": fields.values],
                                      status: .unprocessableContent)
            }
        }
        router.post("/cases/settings/calendar/:day/remove") { _, context in
            let principal = try context.signedIn()
            guard principal.mayEver(.setWorkingCalendar) else { throw AccessRefused(status: .forbidden) }
            guard let day = CivilDate(text: context.parameters.get("day") ?? "") else { throw AccessRefused(status: .notFound) }
            do {
                try await settings.removeDay(day, by: context.actor)
            } catch is DomainError {
                throw AccessRefused(status: .notFound)
            }
            return Response.redirect(to: "/cases/settings", type: .normal)
        }
    }

    /// The districts whose routes the account sets: its own, or every district of its city.
    func districts(of principal: Principal) async throws -> [OfficeScopes.Scope] {
        var districts: [OfficeScopes.Scope] = []
        for scope in try await scopes.scopes(of: principal, for: .setCaseRoutes) {
            if scope.code.level == .district {
                districts.append(scope)
            } else {
                districts += try await queries.children(ofDivision: scope.code.rawValue).compactMap { child in
                    DivisionCode(rawValue: child.code).map { OfficeScopes.Scope(code: $0, name: child.name) }
                }
            }
        }
        return districts
    }

    func page(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        let routes = principal.mayEver(.setCaseRoutes), calendar = principal.mayEver(.setWorkingCalendar)
        guard routes || calendar else { throw AccessRefused(status: .forbidden) }
        var values = values
        values["title"] = "案件设置"
        if routes {
            let districts = try await districts(of: principal)
            guard let chosen = districts.first(where: { $0.code.rawValue == asked }) ?? (asked == nil || asked == "" ? districts.first : nil) else {
                throw AccessRefused(status: .notFound)
            }
            let routing = try await settings.routing(district: chosen.code)
            values["routing"] = [
                "division": chosen.code.rawValue, "name": chosen.name,
                "districts": districts.map { ["code": $0.code.rawValue, "name": $0.name, "chosen": $0.code == chosen.code] as [String: Any] },
                "many": districts.count > 1,
                "kinds": CaseKind.allCases.map { kind in
                    let route = routing.routes[kind] ?? CaseRouting.standard.routes[kind]!
                    return ["code": kind.rawValue, "name": kind.chineseName,
                            "levels": [CaseLevel.company, .grid].map { ["code": $0.rawValue, "name": $0.chineseName, "chosen": $0 == route.firstLevel] as [String: Any] },
                            "departments": Department.allCases.map { ["code": $0.rawValue, "name": $0.chineseName, "chosen": $0 == route.department] as [String: Any] },
                            "standard": route == CaseRouting.standard.routes[kind]] as [String: Any]
                },
            ] as [String: Any]
        }
        if calendar {
            let year = CivilDate.inChina(clock.now()).year
            var days: [CaseSettings.CalendarDay] = []
            for shown in [year, year + 1] { days += try await settings.calendarDays(year: shown) }
            values["calendar"] = [
                "years": "\(year)–\(year + 1)",
                "days": days.map { ["day": $0.day.text, "working": $0.working, "note": $0.note] as [String: Any] },
            ] as [String: Any]
        }
        return renderer.render("case-settings", values, for: context, status: status)
    }
}

import Cases
import Foundation
import HTTPTypes
import Hummingbird
import Storage
import WuyeCore

/// Open311 GeoReport v2 at `/open311/v2` (http://wiki.open311.org/GeoReport_v2; reference §6.4):
/// discovery, the service list and definitions, posting a request with an api_key, and reading
/// requests with the standard filters; each as `.json` or `.xml`. Clients carry no cookies: a post
/// is authorised by its api_key alone, and errors come in GeoReport's own error document.
struct Open311API {
    let keys: Open311Keys
    let requests: Open311Requests
    let cases: CaseStore
    let queries: RegistryQueries

    func add(to router: some RouterMethods<WuyeRequestContext>) {
        let v2 = router.group("open311/v2")
        v2.get(":resource") { request, context in
            try await answer(context.parameters.get("resource") ?? "") { name, format in
                let query = FormFields(encoded: request.uri.query ?? "")
                switch name {
                case "discovery": return Open311Answers.discovery(baseURL: Self.baseURL(of: request)).response(format)
                case "services":
                    _ = try await jurisdiction(query)
                    return Open311Answers.services().response(format)
                case "requests": return Open311Answers.requests(try await read(query, ids: nil)).response(format)
                default: throw Open311Failure(.notFound, "no such resource: \(name)")
                }
            }
        }
        v2.get("services/:service") { request, context in
            try await answer(context.parameters.get("service") ?? "") { code, format in
                _ = try await jurisdiction(FormFields(encoded: request.uri.query ?? ""))
                guard let service = Open311Service.named(code) else { throw Open311Failure(.notFound, "service_code not found: \(code)") }
                return Open311Answers.definition(service).response(format)
            }
        }
        v2.get("requests/:request") { request, context in
            try await answer(context.parameters.get("request") ?? "") { text, format in
                guard let id = Int64(text), id > 0 else { throw Open311Failure(.notFound, "service_request_id not found: \(text)") }
                let found = try await read(FormFields(encoded: request.uri.query ?? ""), ids: [id])
                guard !found.isEmpty else { throw Open311Failure(.notFound, "service_request_id not found: \(id)") }
                return Open311Answers.requests(found).response(format)
            }
        }
        v2.post(":resource") { request, context in
            try await answer(context.parameters.get("resource") ?? "") { name, format in
                guard name == "requests" else { throw Open311Failure(.notFound, "no such resource: \(name)") }
                // The body's fields; some clients send api_key and jurisdiction_id in the query.
                let fields = FormFields(encoded: request.uri.query ?? "").merging(try await FormFields.of(request, context: context))
                let (id, notice) = try await post(fields, context: context)
                return Open311Answers.created(id: id, notice: notice).response(format)
            }
        }
    }

    /// Runs a handler for `name.format`, turning refusals into GeoReport's error document.
    func answer(_ segment: String, _ handler: (String, Open311Document.Format) async throws -> Response) async throws -> Response {
        guard let (name, format) = Open311Document.Format.split(segment) else {
            return Open311Document.errors(status: .notFound, "add .json or .xml to the path").response(.json, status: .notFound)
        }
        do {
            return try await handler(name, format)
        } catch let failure as Open311Failure {
            return Open311Document.errors(status: failure.status, failure.description).response(format, status: failure.status)
        } catch let error as DomainError {
            let text = "\(error.field ?? "request"): \(error.english) (\(error.message))"
            return Open311Document.errors(status: .badRequest, text).response(format, status: .badRequest)
        }
    }

    /// Takes a request in as a case of source `open311`, routed like every other.
    func post(_ fields: FormFields, context: WuyeRequestContext) async throws -> (Int64, String) {
        guard let sent = fields["api_key"], let key = try await keys.resolve(sent) else {
            throw Open311Failure(.forbidden, "api_key is missing or not valid")
        }
        let jurisdiction = try await jurisdiction(fields)
        let code = fields.text("service_code")
        guard !code.isEmpty else { throw Open311Failure(.badRequest, "service_code is required") }
        guard let service = Open311Service.named(code) else { throw Open311Failure(.badRequest, "service_code not found: \(code)") }
        let urgent: Bool
        switch fields.text("attribute[urgent]") {
        case "", "no": urgent = false
        case "yes": urgent = true
        default: throw Open311Failure(.badRequest, "attribute[urgent] must be yes or no")
        }
        var point: GeoPoint?
        if !fields.text("lat").isEmpty || !fields.text("long").isEmpty {
            point = try GeoPoint(latitude: fields.text("lat"), longitude: fields.text("long"))
        }
        let address = fields.text("address_string")
        let compound = try await requests.compound(
            for: .init(addressID: fields["address_id"], addressString: address.isEmpty ? nil : address, point: point),
            key: key, jurisdiction: jurisdiction)
        let mediaURL = fields.text("media_url")
        guard mediaURL.isEmpty || (mediaURL.count <= 500 && (mediaURL.hasPrefix("https://") || mediaURL.hasPrefix("http://"))) else {
            throw Open311Failure(.badRequest, "media_url must be an http(s) URL of at most 500 characters")
        }
        var phone: String?
        if !fields.text("phone").isEmpty {
            do { phone = try PhoneNumber(fields.text("phone")).rawValue } catch { throw error.on(field: "phone") }
        }
        let description = fields.text("description")
        let reported = try await cases.reportRouted(
            .init(kind: service.kind, source: .open311, urgent: urgent,
                  description: description.isEmpty ? [service.name, address].filter { !$0.isEmpty }.joined(separator: "：") : description,
                  compoundID: compound, contactName: Self.personName(first: fields.text("first_name"), last: fields.text("last_name")),
                  contactPhone: phone,
                  open311: Open311Origin(keyID: key.id, mediaURL: mediaURL.isEmpty ? nil : mediaURL, point: point)),
            reporter: nil, by: AuditActor(accountID: nil, label: "open311:\(key.name)", requestID: context.id))
        return (reported.id, "已转\(reported.level.chineseName)办理，办理时限 \(BeijingTime.text(reported.dueAt))")
    }

    /// GET requests: GeoReport's filters, or the ids asked for. With a valid api_key a client reads
    /// every case in the key's division; without one only the requests posted through Open311.
    func read(_ query: FormFields, ids: [Int64]?) async throws -> [Open311Request] {
        var key: Open311Keys.Key?
        if let sent = query["api_key"] {
            guard let found = try await keys.resolve(sent) else { throw Open311Failure(.forbidden, "api_key is not valid") }
            key = found
        }
        let jurisdiction = try await jurisdiction(query)
        var ids = ids
        if ids == nil, !query.text("service_request_id").isEmpty {
            ids = try Self.list(query.text("service_request_id")).map { text in
                guard let id = Int64(text) else { throw Open311Failure(.badRequest, "service_request_id must be numbers: \(text)") }
                return id
            }
        }
        let kinds = try Self.list(query.text("service_code")).map { code in
            guard let kind = CaseKind(rawValue: code) else { throw Open311Failure(.badRequest, "service_code not found: \(code)") }
            return kind
        }
        let statuses = Set(Self.list(query.text("status")))
        guard statuses.isSubset(of: ["open", "closed"]) else { throw Open311Failure(.badRequest, "status is open, closed or both") }
        let (start, end) = try Self.window(start: query.text("start_date"), end: query.text("end_date"), now: cases.clock.now())
        return try await requests.requests(.init(ids: ids, kinds: kinds, statuses: statuses.count == 2 ? [] : statuses, start: start, end: end,
                                                 key: key, jurisdiction: jurisdiction))
    }

    /// `jurisdiction_id`, when sent, must be a division of the platform.
    func jurisdiction(_ fields: FormFields) async throws -> DivisionCode? {
        let text = fields.text("jurisdiction_id")
        guard !text.isEmpty else { return nil }
        guard let code = DivisionCode(rawValue: text), try await queries.division(code: code.rawValue) != nil else {
            throw Open311Failure(.notFound, "jurisdiction_id not found: \(text)")
        }
        return code
    }
}

/// A GeoReport refusal with its HTTP status.
struct Open311Failure: Error {
    let status: HTTPResponse.Status
    let description: String

    init(_ status: HTTPResponse.Status, _ description: String) {
        self.status = status
        self.description = description
    }
}

import Cases
import Foundation
import Storage
import WuyeCore

/// The documents GeoReport v2 defines, in the specification's field order.
enum Open311Answers {
    /// When this endpoint last changed in a way clients would notice.
    static let changeset = "2026-11-23T00:00:00+08:00"

    static func discovery(baseURL: String) -> Open311Document {
        Open311Document(root: .object(root: "discovery", [
            ("changeset", .text(changeset)),
            ("contact", .text("物业管理服务平台运营组，经市、区住房和城乡建设部门")),
            ("key_service", .text("api_key 由区、市住房和城乡建设部门的管理员在平台的 /open311/keys 页面签发")),
            ("endpoints", .objects(item: "endpoint", [[
                ("specification", .text("http://wiki.open311.org/GeoReport_v2")),
                ("url", .text(baseURL + "/open311/v2")),
                ("changeset", .text(changeset)),
                ("type", .text("production")),
                ("formats", .strings(item: "format", ["text/xml", "application/json"])),
            ]])),
        ]))
    }

    static func services() -> Open311Document {
        Open311Document(root: .list(root: "services", item: "service", Open311Service.all.map { service in
            [("service_code", .text(service.code)), ("service_name", .text(service.name)), ("description", .text(service.description)),
             ("metadata", .bool(true)), ("type", .text("realtime")), ("keywords", .text(service.keywords)), ("group", .text(service.group))]
        }))
    }

    static func definition(_ service: Open311Service) -> Open311Document {
        let attribute = Open311Service.urgentAttribute
        return Open311Document(root: .object(root: "service_definition", [
            ("service_code", .text(service.code)),
            ("attributes", .objects(item: "attribute", [[
                ("variable", .bool(true)), ("code", .text(attribute.code)), ("datatype", .text(attribute.datatype)),
                ("required", .bool(attribute.required)), ("datatype_description", .text(nil)), ("order", .number(attribute.order)),
                ("description", .text(attribute.description)),
                ("values", .objects(item: "value", attribute.values.map { [("key", .text($0.key)), ("name", .text($0.name))] })),
            ]])),
        ]))
    }

    static func created(id: Int64, notice: String) -> Open311Document {
        Open311Document(root: .list(root: "service_requests", item: "request", [[
            ("service_request_id", .text(String(id))), ("service_notice", .text(notice)), ("account_id", .text(nil)),
        ]]))
    }

    static func requests(_ requests: [Open311Request]) -> Open311Document {
        Open311Document(root: .list(root: "service_requests", item: "request", requests.map(fields)))
    }

    static func fields(_ request: Open311Request) -> Open311Document.Fields {
        let record = request.record
        let service = Open311Service(kind: record.kind)
        return [
            ("service_request_id", .text(String(record.id))),
            ("status", .text(record.state.open311Status)),
            ("status_notes", .text(record.state.chineseName)),
            ("service_name", .text(service.name)),
            ("service_code", .text(service.code)),
            ("description", .text(record.description)),
            ("agency_responsible", .text(request.agency)),
            ("service_notice", .text(nil)),
            ("requested_datetime", .text(BeijingTime.w3c(record.reportedAt))),
            ("updated_datetime", .text(BeijingTime.w3c(record.updatedAt))),
            ("expected_datetime", .text(BeijingTime.w3c(record.dueAt))),
            ("address", .text(record.compoundName + " " + record.placeLabel)),
            ("address_id", .text(String(record.compoundID))),
            ("zipcode", .text(nil)),
            ("lat", request.point.map { .decimal($0.latitudeText) } ?? .text(nil)),
            ("long", request.point.map { .decimal($0.longitudeText) } ?? .text(nil)),
            ("media_url", .text(request.mediaURL)),
        ]
    }
}

// Generated from shared/data/divisions-qingdao-jinan.csv; regenerate rather than edit by hand.
//
// Source: National Bureau of Statistics (国家统计局) 2023 statistical division codes
// (统计用区划代码), cut-off date 2023-06-30: the cities of Qingdao and Jinan, their districts and
// county-level cities, and their subdistricts and towns. Compiled in, so the demo city and the
// registry checks use the real codes and names without reading a file at run time.

/// One official division: `level` is "city", "district" or "subdistrict" (a 街道 or 镇).
public struct OfficialDivision: Sendable, Hashable {
    public let level: String
    public let code: String
    public let name: String
    public let parentCode: String

    public init(level: String, code: String, name: String, parentCode: String) {
        self.level = level
        self.code = code
        self.name = name
        self.parentCode = parentCode
    }
}

/// The official divisions of Qingdao and Jinan, NBS 2023.
public enum OfficialDivisions {
    /// In the order of the source file: cities, then districts, then subdistricts, each by code.
    public static let nbs2023: [OfficialDivision] = csv.split(separator: "\n").map { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return OfficialDivision(level: fields[0], code: fields[1], name: fields[2], parentCode: fields[3])
    }

    /// The official name of a code, e.g. "370202" → "市南区".
    public static func named(_ code: String) -> String? {
        byCode[code]?.name
    }

    /// The divisions directly under `code`, in code order (a city's districts, a district's
    /// subdistricts and towns).
    public static func children(of code: String) -> [OfficialDivision] {
        byParent[code] ?? []
    }

    // Static lets are initialised once, lazily and thread-safely, on first use.
    private static let byCode: [String: OfficialDivision] = Dictionary(
        nbs2023.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    private static let byParent: [String: [OfficialDivision]] = Dictionary(grouping: nbs2023, by: \.parentCode)
        .mapValues { $0.sorted { $0.code < $1.code } }

    // One string literal parsed on first use: an array literal of 330 initialisers took about
    // 0.4 s to type-check and 5 s to optimise; this compiles instantly and parses in microseconds.
    // Columns: level,code,name,parent_code (the CSV without its header).
    private static let csv = """
        city,370100,济南市,370000
        city,370200,青岛市,370000
        district,370102,历下区,370100
        district,370103,市中区,370100
        district,370104,槐荫区,370100
        district,370105,天桥区,370100
        district,370112,历城区,370100
        district,370113,长清区,370100
        district,370114,章丘区,370100
        district,370115,济阳区,370100
        district,370116,莱芜区,370100
        district,370117,钢城区,370100
        district,370124,平阴县,370100
        district,370126,商河县,370100
        district,370176,济南高新技术产业开发区,370100
        district,370202,市南区,370200
        district,370203,市北区,370200
        district,370211,黄岛区,370200
        district,370212,崂山区,370200
        district,370213,李沧区,370200
        district,370214,城阳区,370200
        district,370215,即墨区,370200
        district,370281,胶州市,370200
        district,370283,平度市,370200
        district,370285,莱西市,370200
        subdistrict,370102001,解放路街道,370102
        subdistrict,370102002,千佛山街道,370102
        subdistrict,370102003,趵突泉街道,370102
        subdistrict,370102004,泉城路街道,370102
        subdistrict,370102005,大明湖街道,370102
        subdistrict,370102006,东关街道,370102
        subdistrict,370102007,文东街道,370102
        subdistrict,370102008,建新街道,370102
        subdistrict,370102009,甸柳街道,370102
        subdistrict,370102010,燕山街道,370102
        subdistrict,370102011,姚家街道,370102
        subdistrict,370102012,龙洞街道,370102
        subdistrict,370102013,智远街道,370102
        subdistrict,370103002,大观园街道,370103
        subdistrict,370103003,杆石桥街道,370103
        subdistrict,370103004,四里村街道,370103
        subdistrict,370103006,魏家庄街道,370103
        subdistrict,370103008,二七街道,370103
        subdistrict,370103009,七里山街道,370103
        subdistrict,370103010,六里山街道,370103
        subdistrict,370103012,舜玉路街道,370103
        subdistrict,370103014,泺源街道,370103
        subdistrict,370103015,王官庄街道,370103
        subdistrict,370103016,舜耕街道,370103
        subdistrict,370103017,白马山街道,370103
        subdistrict,370103018,七贤街道,370103
        subdistrict,370103019,十六里河街道,370103
        subdistrict,370103020,兴隆街道,370103
        subdistrict,370103021,党家街道,370103
        subdistrict,370103022,陡沟街道,370103
        subdistrict,370104001,振兴街街道,370104
        subdistrict,370104002,中大槐树街道,370104
        subdistrict,370104003,道德街街道,370104
        subdistrict,370104004,西市场街道,370104
        subdistrict,370104005,五里沟街道,370104
        subdistrict,370104006,营市街街道,370104
        subdistrict,370104007,青年公园街道,370104
        subdistrict,370104008,南辛庄街道,370104
        subdistrict,370104009,段店北路街道,370104
        subdistrict,370104010,张庄路街道,370104
        subdistrict,370104011,匡山街道,370104
        subdistrict,370104012,美里湖街道,370104
        subdistrict,370104013,腊山街道,370104
        subdistrict,370104014,兴福街道,370104
        subdistrict,370104015,玉清湖街道,370104
        subdistrict,370104016,吴家堡街道,370104
        subdistrict,370105001,无影山街道,370105
        subdistrict,370105003,天桥东街街道,370105
        subdistrict,370105004,北村街道,370105
        subdistrict,370105005,南村街道,370105
        subdistrict,370105006,堤口路街道,370105
        subdistrict,370105007,北坦街道,370105
        subdistrict,370105009,制锦市街道,370105
        subdistrict,370105010,宝华街道,370105
        subdistrict,370105011,官扎营街道,370105
        subdistrict,370105012,纬北路街道,370105
        subdistrict,370105013,药山街道,370105
        subdistrict,370105014,北园街道,370105
        subdistrict,370105015,泺口街道,370105
        subdistrict,370105016,桑梓店街道,370105
        subdistrict,370105017,大桥街道,370105
        subdistrict,370112001,山大路街道,370112
        subdistrict,370112002,洪家楼街道,370112
        subdistrict,370112003,东风街道,370112
        subdistrict,370112004,全福街道,370112
        subdistrict,370112007,华山街道,370112
        subdistrict,370112008,荷花路街道,370112
        subdistrict,370112009,王舍人街道,370112
        subdistrict,370112010,鲍山街道,370112
        subdistrict,370112011,郭店街道,370112
        subdistrict,370112012,唐冶街道,370112
        subdistrict,370112013,港沟街道,370112
        subdistrict,370112016,董家街道,370112
        subdistrict,370112017,彩石街道,370112
        subdistrict,370112018,仲宫街道,370112
        subdistrict,370112019,柳埠街道,370112
        subdistrict,370112020,唐王街道,370112
        subdistrict,370112021,西营街道,370112
        subdistrict,370113001,文昌街道,370113
        subdistrict,370113002,崮云湖街道,370113
        subdistrict,370113003,平安街道,370113
        subdistrict,370113004,五峰山街道,370113
        subdistrict,370113005,归德街道,370113
        subdistrict,370113006,张夏街道,370113
        subdistrict,370113007,万德街道,370113
        subdistrict,370113008,孝里街道,370113
        subdistrict,370113107,马山镇,370113
        subdistrict,370113108,双泉镇,370113
        subdistrict,370114001,明水街道,370114
        subdistrict,370114002,双山街道,370114
        subdistrict,370114003,枣园街道,370114
        subdistrict,370114004,龙山街道,370114
        subdistrict,370114005,埠村街道,370114
        subdistrict,370114006,圣井街道,370114
        subdistrict,370114007,普集街道,370114
        subdistrict,370114008,绣惠街道,370114
        subdistrict,370114009,相公庄街道,370114
        subdistrict,370114010,文祖街道,370114
        subdistrict,370114011,官庄街道,370114
        subdistrict,370114012,高官寨街道,370114
        subdistrict,370114013,白云湖街道,370114
        subdistrict,370114014,宁家埠街道,370114
        subdistrict,370114015,曹范街道,370114
        subdistrict,370114016,刁镇街道,370114
        subdistrict,370114017,黄河街道,370114
        subdistrict,370114101,垛庄镇,370114
        subdistrict,370115001,济阳街道,370115
        subdistrict,370115002,济北街道,370115
        subdistrict,370115003,崔寨街道,370115
        subdistrict,370115004,孙耿街道,370115
        subdistrict,370115005,回河街道,370115
        subdistrict,370115006,太平街道,370115
        subdistrict,370115007,垛石街道,370115
        subdistrict,370115008,曲堤街道,370115
        subdistrict,370115104,仁风镇,370115
        subdistrict,370115110,新市镇,370115
        subdistrict,370116001,凤城街道,370116
        subdistrict,370116002,张家洼街道,370116
        subdistrict,370116003,高庄街道,370116
        subdistrict,370116004,鹏泉街道,370116
        subdistrict,370116005,口镇街道,370116
        subdistrict,370116006,羊里街道,370116
        subdistrict,370116007,方下街道,370116
        subdistrict,370116008,雪野街道,370116
        subdistrict,370116103,牛泉镇,370116
        subdistrict,370116104,苗山镇,370116
        subdistrict,370116106,大王庄镇,370116
        subdistrict,370116107,寨里镇,370116
        subdistrict,370116108,杨庄镇,370116
        subdistrict,370116109,茶业口镇,370116
        subdistrict,370116110,和庄镇,370116
        subdistrict,370117001,艾山街道,370117
        subdistrict,370117002,里辛街道,370117
        subdistrict,370117003,汶源街道,370117
        subdistrict,370117004,颜庄街道,370117
        subdistrict,370117005,辛庄街道,370117
        subdistrict,370117400,棋山国家森林公园,370117
        subdistrict,370117401,南部新城建设服务中心,370117
        subdistrict,370124001,榆山街道,370124
        subdistrict,370124002,锦水街道,370124
        subdistrict,370124102,东阿镇,370124
        subdistrict,370124103,孝直镇,370124
        subdistrict,370124104,孔村镇,370124
        subdistrict,370124105,洪范池镇,370124
        subdistrict,370124106,玫瑰镇,370124
        subdistrict,370124107,安城镇,370124
        subdistrict,370126001,许商街道,370126
        subdistrict,370126101,殷巷镇,370126
        subdistrict,370126102,怀仁镇,370126
        subdistrict,370126104,龙桑寺镇,370126
        subdistrict,370126105,郑路镇,370126
        subdistrict,370126106,贾庄镇,370126
        subdistrict,370126107,玉皇庙镇,370126
        subdistrict,370126108,白桥镇,370126
        subdistrict,370126109,孙集镇,370126
        subdistrict,370126110,韩庙镇,370126
        subdistrict,370126111,沙河镇,370126
        subdistrict,370126112,张坊镇,370126
        subdistrict,370126400,商河经济开发区,370126
        subdistrict,370176001,舜华路街道,370176
        subdistrict,370176002,孙村街道,370176
        subdistrict,370176003,巨野河街道,370176
        subdistrict,370176004,遥墙街道,370176
        subdistrict,370176005,临港街道,370176
        subdistrict,370202001,香港中路街道,370202
        subdistrict,370202002,八大峡街道,370202
        subdistrict,370202004,云南路街道,370202
        subdistrict,370202005,中山路街道,370202
        subdistrict,370202007,江苏路街道,370202
        subdistrict,370202009,八大关街道,370202
        subdistrict,370202010,湛山街道,370202
        subdistrict,370202011,金湖路街道,370202
        subdistrict,370202012,八大湖街道,370202
        subdistrict,370202013,金门路街道,370202
        subdistrict,370202014,珠海路街道,370202
        subdistrict,370203005,辽宁路街道,370203
        subdistrict,370203008,延安路街道,370203
        subdistrict,370203011,登州路街道,370203
        subdistrict,370203013,宁夏路街道,370203
        subdistrict,370203014,敦化路街道,370203
        subdistrict,370203015,辽源路街道,370203
        subdistrict,370203016,合肥路街道,370203
        subdistrict,370203019,大港街道,370203
        subdistrict,370203020,即墨路街道,370203
        subdistrict,370203021,台东街道,370203
        subdistrict,370203022,镇江路街道,370203
        subdistrict,370203025,浮山新区街道,370203
        subdistrict,370203026,阜新路街道,370203
        subdistrict,370203027,海伦路街道,370203
        subdistrict,370203028,四方街道,370203
        subdistrict,370203029,兴隆路街道,370203
        subdistrict,370203030,水清沟街道,370203
        subdistrict,370203031,洛阳路街道,370203
        subdistrict,370203032,河西街道,370203
        subdistrict,370203033,湖岛街道,370203
        subdistrict,370203034,开平路街道,370203
        subdistrict,370203035,双山街道,370203
        subdistrict,370211001,黄岛街道,370211
        subdistrict,370211002,辛安街道,370211
        subdistrict,370211003,薛家岛街道,370211
        subdistrict,370211004,灵珠山街道,370211
        subdistrict,370211005,长江路街道,370211
        subdistrict,370211006,红石崖街道,370211
        subdistrict,370211007,灵山卫街道,370211
        subdistrict,370211009,珠海街道,370211
        subdistrict,370211010,隐珠街道,370211
        subdistrict,370211011,铁山街道,370211
        subdistrict,370211012,滨海街道,370211
        subdistrict,370211013,胶南街道,370211
        subdistrict,370211014,王台街道,370211
        subdistrict,370211015,张家楼街道,370211
        subdistrict,370211102,琅琊镇,370211
        subdistrict,370211103,泊里镇,370211
        subdistrict,370211104,大场镇,370211
        subdistrict,370211105,大村镇,370211
        subdistrict,370211106,六汪镇,370211
        subdistrict,370211107,海青镇,370211
        subdistrict,370211108,宝山镇,370211
        subdistrict,370211109,藏马镇,370211
        subdistrict,370211401,灵山岛省级自然保护区,370211
        subdistrict,370212001,中韩街道,370212
        subdistrict,370212002,沙子口街道,370212
        subdistrict,370212003,王哥庄街道,370212
        subdistrict,370212004,北宅街道,370212
        subdistrict,370212005,金家岭街道,370212
        subdistrict,370213001,振华路街道,370213
        subdistrict,370213003,沧口街道,370213
        subdistrict,370213004,兴华路街道,370213
        subdistrict,370213005,兴城路街道,370213
        subdistrict,370213006,李村街道,370213
        subdistrict,370213007,虎山路街道,370213
        subdistrict,370213008,浮山路街道,370213
        subdistrict,370213010,湘潭路街道,370213
        subdistrict,370213011,楼山街道,370213
        subdistrict,370213012,九水街道,370213
        subdistrict,370213013,世园街道,370213
        subdistrict,370214001,城阳街道,370214
        subdistrict,370214002,夏庄街道,370214
        subdistrict,370214003,流亭街道,370214
        subdistrict,370214004,棘洪滩街道,370214
        subdistrict,370214005,上马街道,370214
        subdistrict,370214008,惜福镇街道,370214
        subdistrict,370214009,红岛街道,370214
        subdistrict,370214010,河套街道,370214
        subdistrict,370214400,青岛高新技术产业开发区,370214
        subdistrict,370215001,环秀街道,370215
        subdistrict,370215002,潮海街道,370215
        subdistrict,370215003,通济街道,370215
        subdistrict,370215004,北安街道,370215
        subdistrict,370215005,龙山街道,370215
        subdistrict,370215006,龙泉街道,370215
        subdistrict,370215007,鳌山卫街道,370215
        subdistrict,370215008,温泉街道,370215
        subdistrict,370215009,灵山街道,370215
        subdistrict,370215010,蓝村街道,370215
        subdistrict,370215011,大信街道,370215
        subdistrict,370215100,田横镇,370215
        subdistrict,370215101,金口镇,370215
        subdistrict,370215103,段泊岚镇,370215
        subdistrict,370215104,移风店镇,370215
        subdistrict,370215400,通济新经济区,370215
        subdistrict,370215402,田横岛省级旅游度假区,370215
        subdistrict,370281001,阜安街道,370281
        subdistrict,370281002,中云街道,370281
        subdistrict,370281004,三里河街道,370281
        subdistrict,370281006,九龙街道,370281
        subdistrict,370281007,胶东街道,370281
        subdistrict,370281008,胶北街道,370281
        subdistrict,370281009,胶西街道,370281
        subdistrict,370281010,胶莱街道,370281
        subdistrict,370281102,李哥庄镇,370281
        subdistrict,370281105,铺集镇,370281
        subdistrict,370281108,里岔镇,370281
        subdistrict,370281111,洋河镇,370281
        subdistrict,370281400,胶州经济技术开发区,370281
        subdistrict,370281401,大沽河省级生态旅游度假区,370281
        subdistrict,370283001,东阁街道,370283
        subdistrict,370283002,李园街道,370283
        subdistrict,370283003,同和街道,370283
        subdistrict,370283004,凤台街道,370283
        subdistrict,370283005,白沙河街道,370283
        subdistrict,370283101,古岘镇,370283
        subdistrict,370283102,仁兆镇,370283
        subdistrict,370283105,南村镇,370283
        subdistrict,370283108,蓼兰镇,370283
        subdistrict,370283109,崔家集镇,370283
        subdistrict,370283110,明村镇,370283
        subdistrict,370283113,田庄镇,370283
        subdistrict,370283116,新河镇,370283
        subdistrict,370283119,店子镇,370283
        subdistrict,370283120,大泽山镇,370283
        subdistrict,370283122,旧店镇,370283
        subdistrict,370283124,云山镇,370283
        subdistrict,370283400,平度经济开发区,370283
        subdistrict,370285001,水集街道,370285
        subdistrict,370285002,望城街道,370285
        subdistrict,370285007,沽河街道,370285
        subdistrict,370285101,姜山镇,370285
        subdistrict,370285102,夏格庄镇,370285
        subdistrict,370285104,院上镇,370285
        subdistrict,370285105,日庄镇,370285
        subdistrict,370285106,南墅镇,370285
        subdistrict,370285107,河头店镇,370285
        subdistrict,370285108,店埠镇,370285
        subdistrict,370285116,马连庄镇,370285
        """
}

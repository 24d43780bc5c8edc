#include "credo/cli/demo_data.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <string_view>
#include <utility>

namespace credo::cli {

namespace {

namespace json = boost::json;
using std::string_view;

constexpr string_view kPassword = "credo-demo";

// ---------------------------------------------------------------------------------------------------------------
// Randomness. std::mt19937_64 produces the same sequence everywhere; the standard distributions do not, so
// every draw goes through Rng's own helpers.

class Rng {
 public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // A uniform integer in [lo, hi] (rejection sampling: no modulo bias, no library-specific algorithm).
    int Between(int lo, int hi) {
        const std::uint64_t span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
        const std::uint64_t bound = std::numeric_limits<std::uint64_t>::max() / span * span;
        std::uint64_t x = engine_();
        while (x >= bound) x = engine_();
        return lo + static_cast<int>(x % span);
    }
    bool Percent(int percent) { return Between(0, 99) < percent; }
    std::size_t Index(std::size_t size) { return static_cast<std::size_t>(Between(0, static_cast<int>(size) - 1)); }

    template <class T>
    const T& Pick(std::span<const T> items) {
        return items[Index(items.size())];
    }
    template <class T, std::size_t N>
    const T& Pick(const T (&items)[N]) {
        return items[Index(N)];
    }
    template <class T>
    void Shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Index(i)]);
    }

 private:
    std::mt19937_64 engine_;
};

// Tables keep short alternatives in one literal separated by '|'; an empty alternative means "nothing".
std::vector<string_view> Alternatives(string_view list) {
    std::vector<string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = list.find('|', start);
        out.push_back(list.substr(start, bar == string_view::npos ? string_view::npos : bar - start));
        if (bar == string_view::npos) break;
        start = bar + 1;
    }
    return out;
}

string_view PickOne(Rng& rng, string_view list) {
    const auto items = Alternatives(list);
    return items[rng.Index(items.size())];
}

// `count` distinct non-empty alternatives (fewer when the list is shorter), in list order.
std::vector<std::string> PickSome(Rng& rng, string_view list, int count) {
    auto items = Alternatives(list);
    std::erase(items, string_view());
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    rng.Shuffle(order);
    order.resize(std::min(order.size(), static_cast<std::size_t>(std::max(count, 0))));
    std::sort(order.begin(), order.end());
    std::vector<std::string> out;
    for (std::size_t i : order) out.emplace_back(items[i]);
    return out;
}

struct Weighted {
    string_view text;
    int weight;
};

string_view PickWeighted(Rng& rng, std::span<const Weighted> items) {
    int total = 0;
    for (const auto& item : items) total += item.weight;
    int roll = rng.Between(0, total - 1);
    for (const auto& item : items) {
        if (roll < item.weight) return item.text;
        roll -= item.weight;
    }
    return items.back().text;
}

std::string Digits(Rng& rng, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.Between(0, 9));
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Regions and places.

struct RegionInfo {
    string_view code;
    string_view name;
    int customers;  // how many of the 220 files are in the region
};

constexpr RegionInfo kRegions[] = {
    {"east", "华东", 72},      {"north", "华北", 38},     {"south", "华南", 26},    {"central", "华中", 30},
    {"southwest", "西南", 24}, {"northeast", "东北", 24}, {"northwest", "西北", 6},
};

string_view RegionName(string_view code) {
    for (const auto& region : kRegions)
        if (region.code == code) return region.name;
    return code;
}

struct Place {
    string_view region;
    string_view province;       // as in company names: 江苏, 上海, 内蒙古
    string_view province_full;  // as in addresses: 江苏省, 上海市, 内蒙古自治区
    string_view city;           // == province for the municipalities
    string_view district;
    string_view area_code;
    string_view postcode;
    string_view division;  // administrative division code of the city, as in unified social credit codes
    bool Municipality() const { return province == city; }
};

// clang-format off
constexpr Place kPlaces[] = {
    {"east", "上海", "上海市", "上海", "金山区", "021", "200540", "310100"},
    {"east", "上海", "上海市", "上海", "浦东新区", "021", "201200", "310100"},
    {"east", "江苏", "江苏省", "南京", "六合区", "025", "211500", "320100"},
    {"east", "江苏", "江苏省", "苏州", "吴中区", "0512", "215100", "320500"},
    {"east", "江苏", "江苏省", "无锡", "惠山区", "0510", "214100", "320200"},
    {"east", "江苏", "江苏省", "常州", "新北区", "0519", "213000", "320400"},
    {"east", "江苏", "江苏省", "南通", "崇川区", "0513", "226000", "320600"},
    {"east", "江苏", "江苏省", "连云港", "连云区", "0518", "222000", "320700"},
    {"east", "江苏", "江苏省", "淮安", "清江浦区", "0517", "223000", "320800"},
    {"east", "江苏", "江苏省", "盐城", "亭湖区", "0515", "224000", "320900"},
    {"east", "江苏", "江苏省", "扬州", "邗江区", "0514", "225000", "321000"},
    {"east", "江苏", "江苏省", "镇江", "京口区", "0511", "212000", "321100"},
    {"east", "江苏", "江苏省", "泰州", "海陵区", "0523", "225300", "321200"},
    {"east", "浙江", "浙江省", "杭州", "萧山区", "0571", "311200", "330100"},
    {"east", "浙江", "浙江省", "宁波", "镇海区", "0574", "315200", "330200"},
    {"east", "浙江", "浙江省", "温州", "龙湾区", "0577", "325000", "330300"},
    {"east", "浙江", "浙江省", "嘉兴", "南湖区", "0573", "314000", "330400"},
    {"east", "浙江", "浙江省", "绍兴", "柯桥区", "0575", "312000", "330600"},
    {"east", "浙江", "浙江省", "衢州", "柯城区", "0570", "324000", "330800"},
    {"east", "安徽", "安徽省", "合肥", "包河区", "0551", "230000", "340100"},
    {"east", "安徽", "安徽省", "芜湖", "鸠江区", "0553", "241000", "340200"},
    {"east", "安徽", "安徽省", "淮南", "田家庵区", "0554", "232000", "340400"},
    {"east", "安徽", "安徽省", "马鞍山", "雨山区", "0555", "243000", "340500"},
    {"east", "安徽", "安徽省", "安庆", "大观区", "0556", "246000", "340800"},
    {"east", "安徽", "安徽省", "铜陵", "铜官区", "0562", "244000", "340700"},
    {"east", "山东", "山东省", "济南", "历城区", "0531", "250100", "370100"},
    {"east", "山东", "山东省", "青岛", "黄岛区", "0532", "266500", "370200"},
    {"east", "山东", "山东省", "淄博", "临淄区", "0533", "255400", "370300"},
    {"east", "山东", "山东省", "东营", "东营区", "0546", "257000", "370500"},
    {"east", "山东", "山东省", "烟台", "福山区", "0535", "265500", "370600"},
    {"east", "山东", "山东省", "潍坊", "寒亭区", "0536", "261100", "370700"},
    {"east", "山东", "山东省", "临沂", "兰山区", "0539", "276000", "371300"},
    {"east", "福建", "福建省", "福州", "马尾区", "0591", "350000", "350100"},
    {"east", "福建", "福建省", "厦门", "海沧区", "0592", "361000", "350200"},
    {"east", "福建", "福建省", "泉州", "泉港区", "0595", "362800", "350500"},
    {"north", "北京", "北京市", "北京", "房山区", "010", "102400", "110100"},
    {"north", "北京", "北京市", "北京", "朝阳区", "010", "100020", "110100"},
    {"north", "天津", "天津市", "天津", "滨海新区", "022", "300450", "120100"},
    {"north", "河北", "河北省", "石家庄", "栾城区", "0311", "051430", "130100"},
    {"north", "河北", "河北省", "唐山", "路北区", "0315", "063000", "130200"},
    {"north", "河北", "河北省", "邯郸", "丛台区", "0310", "056000", "130400"},
    {"north", "河北", "河北省", "沧州", "运河区", "0317", "061000", "130900"},
    {"north", "山西", "山西省", "太原", "小店区", "0351", "030000", "140100"},
    {"north", "山西", "山西省", "大同", "平城区", "0352", "037000", "140200"},
    {"north", "山西", "山西省", "长治", "潞州区", "0355", "046000", "140400"},
    {"north", "内蒙古", "内蒙古自治区", "呼和浩特", "赛罕区", "0471", "010000", "150100"},
    {"north", "内蒙古", "内蒙古自治区", "包头", "昆都仑区", "0472", "014000", "150200"},
    {"north", "内蒙古", "内蒙古自治区", "鄂尔多斯", "东胜区", "0477", "017000", "150600"},
    {"south", "广东", "广东省", "广州", "黄埔区", "020", "510700", "440100"},
    {"south", "广东", "广东省", "深圳", "宝安区", "0755", "518100", "440300"},
    {"south", "广东", "广东省", "佛山", "南海区", "0757", "528200", "440600"},
    {"south", "广东", "广东省", "惠州", "惠阳区", "0752", "516200", "441300"},
    {"south", "广东", "广东省", "茂名", "茂南区", "0668", "525000", "440900"},
    {"south", "广东", "广东省", "湛江", "霞山区", "0759", "524000", "440800"},
    {"south", "广东", "广东省", "东莞", "长安镇", "0769", "523850", "441900"},
    {"south", "广西", "广西壮族自治区", "南宁", "江南区", "0771", "530000", "450100"},
    {"south", "广西", "广西壮族自治区", "柳州", "柳北区", "0772", "545000", "450200"},
    {"south", "广西", "广西壮族自治区", "北海", "海城区", "0779", "536000", "450500"},
    {"south", "广西", "广西壮族自治区", "钦州", "钦南区", "0777", "535000", "450700"},
    {"south", "海南", "海南省", "海口", "龙华区", "0898", "570100", "460100"},
    {"central", "河南", "河南省", "郑州", "金水区", "0371", "450000", "410100"},
    {"central", "河南", "河南省", "洛阳", "吉利区", "0379", "471000", "410300"},
    {"central", "河南", "河南省", "平顶山", "新华区", "0375", "467000", "410400"},
    {"central", "河南", "河南省", "焦作", "解放区", "0391", "454000", "410800"},
    {"central", "河南", "河南省", "濮阳", "华龙区", "0393", "457000", "410900"},
    {"central", "湖北", "湖北省", "武汉", "青山区", "027", "430080", "420100"},
    {"central", "湖北", "湖北省", "宜昌", "猇亭区", "0717", "443000", "420500"},
    {"central", "湖北", "湖北省", "襄阳", "樊城区", "0710", "441000", "420600"},
    {"central", "湖北", "湖北省", "荆门", "掇刀区", "0724", "448000", "420800"},
    {"central", "湖南", "湖南省", "长沙", "岳麓区", "0731", "410000", "430100"},
    {"central", "湖南", "湖南省", "株洲", "石峰区", "0731", "412000", "430200"},
    {"central", "湖南", "湖南省", "衡阳", "蒸湘区", "0734", "421000", "430400"},
    {"central", "湖南", "湖南省", "岳阳", "云溪区", "0730", "414000", "430600"},
    {"central", "江西", "江西省", "南昌", "青山湖区", "0791", "330000", "360100"},
    {"central", "江西", "江西省", "九江", "濂溪区", "0792", "332000", "360400"},
    {"central", "江西", "江西省", "新余", "渝水区", "0790", "338000", "360500"},
    {"southwest", "四川", "四川省", "成都", "新都区", "028", "610500", "510100"},
    {"southwest", "四川", "四川省", "自贡", "自流井区", "0813", "643000", "510300"},
    {"southwest", "四川", "四川省", "泸州", "纳溪区", "0830", "646300", "510500"},
    {"southwest", "四川", "四川省", "德阳", "旌阳区", "0838", "618000", "510600"},
    {"southwest", "四川", "四川省", "宜宾", "翠屏区", "0831", "644000", "511500"},
    {"southwest", "重庆", "重庆市", "重庆", "长寿区", "023", "401220", "500100"},
    {"southwest", "重庆", "重庆市", "重庆", "渝北区", "023", "401120", "500100"},
    {"southwest", "贵州", "贵州省", "贵阳", "白云区", "0851", "550000", "520100"},
    {"southwest", "贵州", "贵州省", "遵义", "红花岗区", "0851", "563000", "520300"},
    {"southwest", "云南", "云南省", "昆明", "西山区", "0871", "650000", "530100"},
    {"southwest", "云南", "云南省", "曲靖", "麒麟区", "0874", "655000", "530300"},
    {"northwest", "陕西", "陕西省", "西安", "未央区", "029", "710000", "610100"},
    {"northwest", "陕西", "陕西省", "宝鸡", "渭滨区", "0917", "721000", "610300"},
    {"northwest", "陕西", "陕西省", "榆林", "榆阳区", "0912", "719000", "610800"},
    {"northwest", "甘肃", "甘肃省", "兰州", "西固区", "0931", "730000", "620100"},
    {"northwest", "甘肃", "甘肃省", "金昌", "金川区", "0935", "737100", "620300"},
    {"northwest", "新疆", "新疆维吾尔自治区", "乌鲁木齐", "米东区", "0991", "830000", "650100"},
    {"northwest", "新疆", "新疆维吾尔自治区", "克拉玛依", "独山子区", "0990", "834000", "650200"},
    {"northwest", "宁夏", "宁夏回族自治区", "银川", "金凤区", "0951", "750000", "640100"},
    {"northwest", "宁夏", "宁夏回族自治区", "石嘴山", "大武口区", "0952", "753000", "640200"},
    {"northeast", "辽宁", "辽宁省", "沈阳", "铁西区", "024", "110000", "210100"},
    {"northeast", "辽宁", "辽宁省", "大连", "甘井子区", "0411", "116000", "210200"},
    {"northeast", "辽宁", "辽宁省", "鞍山", "铁东区", "0412", "114000", "210300"},
    {"northeast", "辽宁", "辽宁省", "锦州", "太和区", "0416", "121000", "210700"},
    {"northeast", "辽宁", "辽宁省", "营口", "鲅鱼圈区", "0417", "115000", "210800"},
    {"northeast", "吉林", "吉林省", "长春", "绿园区", "0431", "130000", "220100"},
    {"northeast", "吉林", "吉林省", "吉林", "龙潭区", "0432", "132000", "220200"},
    {"northeast", "黑龙江", "黑龙江省", "哈尔滨", "香坊区", "0451", "150000", "230100"},
    {"northeast", "黑龙江", "黑龙江省", "齐齐哈尔", "富拉尔基区", "0452", "161000", "230200"},
    {"northeast", "黑龙江", "黑龙江省", "大庆", "龙凤区", "0459", "163000", "230600"},
};
// clang-format on

const Place& FindPlace(string_view city, string_view district = {}) {
    for (const auto& place : kPlaces)
        if (place.city == city && (district.empty() || place.district == district)) return place;
    return kPlaces[0];
}

std::vector<const Place*> PlacesOf(string_view region) {
    std::vector<const Place*> out;
    for (const auto& place : kPlaces)
        if (place.region == region) out.push_back(&place);
    return out;
}

constexpr string_view kStreets[] = {"工业大道", "化工路",   "人民路",   "建设路",   "滨江路", "开发大道", "园区大道",
                                    "临港路",   "石化大道", "长江路",   "黄河路",   "新华路", "解放路",   "经三路",
                                    "纬二路",   "科技路",   "环城东路", "发展大道", "创业路", "沿海大道", "振兴路",
                                    "光明路",   "北京路",   "迎宾大道", "青年路",   "学府路"};

// ---------------------------------------------------------------------------------------------------------------
// Trades. A customer's sector decides the words of its name, its business types and the valves it buys.

struct Sector {
    string_view key;             // for e-mail domains: hengtaichem.com.cn
    string_view words;           // the trade word of the name ('|' alternatives; repeated = more likely)
    string_view extras;          // an optional word after a two-character trade word
    string_view business_types;  // what the customer does
    string_view products;        // valves this trade buys most
    string_view media;           // what flows through those valves
    int weight;                  // share among enterprises
    int state_owned_percent;
};

// clang-format off
constexpr Sector kSectors[] = {
    {"chem", "化工|化工|化工|化工|精细化工|化学|氯碱化工|煤化工|盐化工", "||||科技|材料|新材料",
     "基础化工原料|精细化学品|氯碱|农药中间体|化肥|染料及中间体|有机硅|新材料",
     "衬氟球阀|衬氟截止阀|放料阀|衬氟止回阀", "硫酸|盐酸|液碱|氯气|氢氟酸|硝酸", 30, 15},
    {"petro", "石化|石化|石化|石油化工|炼化", "|||设备|工程|科技",
     "原油加工|成品油|芳烃|烯烃|石化产品储运", "耐腐球阀|衬氟调节阀|止回阀", "含硫污水|酸性气|碱渣|硫酸", 12, 45},
    {"power", "电力|电力|电力|热电|能源|发电", "|||科技|工程",
     "火力发电|热电联产|脱硫脱硝|新能源发电|供热", "衬胶蝶阀|止回阀|耐磨陶瓷球阀",
     "石灰石浆液|脱硫废水|除盐水|氨水", 14, 60},
    {"pharma", "制药|制药|制药|药业|生物制药|医药", "|||科技",
     "原料药|化学制剂|医药中间体|生物制品|中成药", "隔膜阀|卫生级球阀|衬氟隔膜阀",
     "盐酸|醋酸|二氯甲烷|纯化水", 12, 10},
    {"paper", "纸业|造纸|浆纸", "||科技", "文化用纸|包装纸板|纸浆|生活用纸", "衬胶蝶阀|耐磨球阀|刀型闸阀",
     "漂白液|黑液|二氧化氯", 5, 15},
    {"food", "食品|酿造|调味品|乳业|生物", "||科技", "食品加工|调味品|酒类酿造|乳制品|发酵制品",
     "卫生级蝶阀|隔膜阀|卫生级球阀", "醋酸|食盐水|磷酸|清洗碱液", 5, 10},
    {"mining", "矿业|矿业|磷化|稀土|资源|资源开发|矿业开发", "", "有色金属采选|磷矿开采|稀土分离|煤炭洗选",
     "耐磨陶瓷球阀|衬胶隔膜阀|刀型闸阀", "矿浆|磷酸|硫酸", 5, 50},
    {"metal", "冶金|钢铁|有色金属|铜业|铝业", "", "钢铁冶炼|铜冶炼|铝冶炼|湿法冶金|钢材酸洗",
     "耐磨陶瓷球阀|衬氟蝶阀|刀型闸阀", "废酸|电解液|硫酸", 6, 45},
    {"eco", "环保|水务|环境工程|环保科技|环境", "", "污水处理|烟气脱硫|固废处置|危废处理|中水回用",
     "衬胶蝶阀|UPVC球阀|止回阀", "次氯酸钠|污水|聚合氯化铝|石灰浆", 6, 40},
    {"pipe", "燃气|管道|天然气|能源管道", "||工程|输送", "天然气输送|城市燃气|长输管道|LNG储运",
     "耐腐球阀|止回阀|衬氟球阀", "含硫天然气|凝析液|甲醇", 4, 55},
    {"build", "防腐工程|建设|建筑安装|防腐|安装工程", "", "防腐工程|建筑安装|市政工程|机电安装",
     "衬氟管道|衬氟蝶阀|衬氟球阀", "酸性废水|循环水", 4, 20},
    {"valve", "阀门|阀门|阀门管件|流体设备|化工设备|成套设备", "||制造|工程",
     "成套设备|阀门管件配套|压力容器|化工装备", "衬氟球阀|衬氟蝶阀|隔膜阀", "硫酸|盐酸|液碱", 5, 5},
};
// clang-format on

const Sector& FindSector(string_view key) {
    for (const auto& sector : kSectors)
        if (sector.key == key) return sector;
    return kSectors[0];
}

const Sector& PickSector(Rng& rng) {
    int total = 0;
    for (const auto& sector : kSectors) total += sector.weight;
    int roll = rng.Between(0, total - 1);
    for (const auto& sector : kSectors) {
        if (roll < sector.weight) return sector;
        roll -= sector.weight;
    }
    return kSectors[0];
}

// What the valve maker sells: corrosion-resistant valves and lined equipment.
constexpr string_view kValveProducts =
    "衬氟蝶阀|衬氟球阀|耐腐球阀|隔膜阀|止回阀|衬氟截止阀|衬氟止回阀|衬胶蝶阀|氟塑料闸阀|放料阀|衬氟调节阀|衬氟管道|"
    "衬氟视镜|耐磨陶瓷球阀";

struct Brand {
    string_view name;
    string_view pinyin;
};

constexpr Brand kBrands[] = {
    {"恒泰", "hengtai"},    {"华鑫", "huaxin"},    {"宏达", "hongda"},    {"永盛", "yongsheng"},
    {"天元", "tianyuan"},   {"鑫源", "xinyuan"},   {"海源", "haiyuan"},   {"东方", "dongfang"},
    {"中天", "zhongtian"},  {"瑞丰", "ruifeng"},   {"泰和", "taihe"},     {"兴华", "xinghua"},
    {"长江", "changjiang"}, {"嘉禾", "jiahe"},     {"三元", "sanyuan"},   {"昌盛", "changsheng"},
    {"明辉", "minghui"},    {"远大", "yuanda"},    {"宏远", "hongyuan"},  {"盛达", "shengda"},
    {"华光", "huaguang"},   {"金山", "jinshan"},   {"新安", "xinan"},     {"金港", "jingang"},
    {"顺达", "shunda"},     {"华阳", "huayang"},   {"安泰", "antai"},     {"同德", "tongde"},
    {"联创", "lianchuang"}, {"宏昌", "hongchang"}, {"金鼎", "jinding"},   {"凯润", "kairun"},
    {"润泽", "runze"},      {"德盛", "desheng"},   {"万利", "wanli"},     {"福瑞", "furui"},
    {"嘉盛", "jiasheng"},   {"汇通", "huitong"},   {"天晟", "tiansheng"}, {"永泰", "yongtai"},
    {"银河", "yinhe"},      {"星辰", "xingchen"},  {"金桥", "jinqiao"},   {"宝丰", "baofeng"},
    {"隆鑫", "longxin"},    {"鼎盛", "dingsheng"}, {"广源", "guangyuan"}, {"新锐", "xinrui"},
    {"华源", "huayuan"},    {"正元", "zhengyuan"}, {"恒信", "hengxin"},   {"博远", "boyuan"},
    {"天和", "tianhe"},     {"盛源", "shengyuan"}, {"瑞祥", "ruixiang"},  {"丰源", "fengyuan"},
    {"利华", "lihua"},      {"泰隆", "tailong"},   {"晨光", "chenguang"}, {"鸿运", "hongyun"},
    {"聚力", "juli"},       {"信达", "xinda"},     {"金禾", "jinhe"},     {"安达", "anda"},
    {"腾飞", "tengfei"},    {"宏业", "hongye"},    {"卓越", "zhuoyue"},   {"万通", "wantong"},
    {"九州", "jiuzhou"},    {"四海", "sihai"},     {"五洲", "wuzhou"},    {"百川", "baichuan"},
    {"蓝天", "lantian"},    {"青山", "qingshan"},  {"绿源", "lvyuan"},    {"江南", "jiangnan"},
    {"北方", "beifang"},    {"南方", "nanfang"},   {"华泰", "huatai"},    {"金达", "jinda"},
    {"恒通", "hengtong"},   {"中联", "zhonglian"}, {"海诚", "haicheng"},  {"佳和", "jiahe"},
    {"新宇", "xinyu"},
};

constexpr Weighted kCompanySuffixes[] = {
    {"有限公司", 58}, {"股份有限公司", 12}, {"有限责任公司", 10},    {"集团有限公司", 10},
    {"集团", 4},      {"实业有限公司", 3},  {"集团股份有限公司", 3},
};

constexpr string_view kTraderWords = "阀门|阀门|阀门|阀门|阀门管件|流体设备|机电设备|工业设备|泵阀";
constexpr Weighted kTraderSuffixes[] = {
    {"销售有限公司", 30}, {"贸易有限公司", 20}, {"经销部", 12}, {"商贸有限公司", 15},
    {"经营部", 8},        {"有限公司", 10},     {"供应站", 5},
};
constexpr string_view kPublicBodies = "排水管理处|污水处理厂|城市管网管理中心|供水管理处|市政工程管理处";

// ---------------------------------------------------------------------------------------------------------------
// People.

struct Syllable {
    string_view han;
    string_view pinyin;
};

constexpr Syllable kSurnames[] = {
    {"王", "wang"}, {"李", "li"},    {"张", "zhang"}, {"刘", "liu"},   {"陈", "chen"},  {"杨", "yang"},
    {"赵", "zhao"}, {"黄", "huang"}, {"周", "zhou"},  {"吴", "wu"},    {"徐", "xu"},    {"孙", "sun"},
    {"胡", "hu"},   {"朱", "zhu"},   {"高", "gao"},   {"林", "lin"},   {"何", "he"},    {"郭", "guo"},
    {"马", "ma"},   {"罗", "luo"},   {"梁", "liang"}, {"宋", "song"},  {"郑", "zheng"}, {"谢", "xie"},
    {"韩", "han"},  {"唐", "tang"},  {"冯", "feng"},  {"于", "yu"},    {"董", "dong"},  {"程", "cheng"},
    {"曹", "cao"},  {"袁", "yuan"},  {"邓", "deng"},  {"许", "xu"},    {"傅", "fu"},    {"沈", "shen"},
    {"曾", "zeng"}, {"彭", "peng"},  {"吕", "lv"},    {"苏", "su"},    {"卢", "lu"},    {"蒋", "jiang"},
    {"蔡", "cai"},  {"贾", "jia"},   {"丁", "ding"},  {"魏", "wei"},   {"薛", "xue"},   {"叶", "ye"},
    {"潘", "pan"},  {"杜", "du"},    {"戴", "dai"},   {"夏", "xia"},   {"钟", "zhong"}, {"汪", "wang"},
    {"田", "tian"}, {"任", "ren"},   {"姜", "jiang"}, {"范", "fan"},   {"方", "fang"},  {"石", "shi"},
    {"姚", "yao"},  {"谭", "tan"},   {"廖", "liao"},  {"邹", "zou"},   {"熊", "xiong"}, {"金", "jin"},
    {"陆", "lu"},   {"郝", "hao"},   {"孔", "kong"},  {"白", "bai"},   {"崔", "cui"},   {"康", "kang"},
    {"毛", "mao"},  {"邱", "qiu"},   {"秦", "qin"},   {"江", "jiang"}, {"史", "shi"},   {"顾", "gu"},
    {"侯", "hou"},  {"邵", "shao"},  {"孟", "meng"},  {"龙", "long"},  {"段", "duan"},  {"雷", "lei"},
    {"钱", "qian"}, {"汤", "tang"},  {"尹", "yin"},   {"易", "yi"},    {"常", "chang"}, {"武", "wu"},
    {"乔", "qiao"}, {"贺", "he"},    {"赖", "lai"},   {"龚", "gong"},  {"文", "wen"},
};

constexpr Syllable kGivenNames[] = {
    {"伟", "wei"},  {"芳", "fang"},  {"娜", "na"},    {"敏", "min"},  {"静", "jing"},  {"丽", "li"},   {"强", "qiang"},
    {"磊", "lei"},  {"军", "jun"},   {"洋", "yang"},  {"勇", "yong"}, {"艳", "yan"},   {"杰", "jie"},  {"娟", "juan"},
    {"涛", "tao"},  {"明", "ming"},  {"超", "chao"},  {"秀", "xiu"},  {"霞", "xia"},   {"平", "ping"}, {"刚", "gang"},
    {"建", "jian"}, {"国", "guo"},   {"华", "hua"},   {"志", "zhi"},  {"红", "hong"},  {"文", "wen"},  {"海", "hai"},
    {"峰", "feng"}, {"辉", "hui"},   {"斌", "bin"},   {"鹏", "peng"}, {"晓", "xiao"},  {"宇", "yu"},   {"东", "dong"},
    {"春", "chun"}, {"林", "lin"},   {"荣", "rong"},  {"新", "xin"},  {"德", "de"},    {"庆", "qing"}, {"兵", "bing"},
    {"玉", "yu"},   {"云", "yun"},   {"浩", "hao"},   {"宏", "hong"}, {"亮", "liang"}, {"波", "bo"},   {"健", "jian"},
    {"俊", "jun"},  {"琳", "lin"},   {"雪", "xue"},   {"梅", "mei"},  {"丹", "dan"},   {"振", "zhen"}, {"永", "yong"},
    {"立", "li"},   {"成", "cheng"}, {"光", "guang"}, {"金", "jin"},  {"凯", "kai"},   {"毅", "yi"},   {"宁", "ning"},
};

struct Person {
    std::string name;
    std::string pinyin;  // for e-mail addresses: zhangjianguo
};

Person MakePerson(Rng& rng) {
    const auto& surname = rng.Pick(kSurnames);
    Person person{std::string(surname.han), std::string(surname.pinyin)};
    const int given = rng.Percent(70) ? 2 : 1;
    for (int i = 0; i < given; ++i) {
        const auto& syllable = rng.Pick(kGivenNames);
        person.name += syllable.han;
        person.pinyin += syllable.pinyin;
    }
    return person;
}

constexpr string_view kProcurementTitles = "采购经理|采购部部长|物资供应部经理|采购主管|供应部经理";
constexpr string_view kOtherTitles =
    "设备部主任|设备科科长|财务经理|技术部工程师|生产部经理|总工程师|项目经理|仓储主管|副总经理|财务总监";
constexpr string_view kTraderTitles = "总经理|销售经理|采购|财务|业务经理";

constexpr string_view kPersonalities[] = {"性格直爽",       "稳重细致", "谨慎保守",      "热情健谈",
                                          "雷厉风行",       "温和随和", "比较强势",      "注重细节",
                                          "讲原则，不徇私", "务实低调", "爱面子，重人情"};
constexpr string_view kInterests[] = {"关注新技术新工艺", "喜欢研究工艺流程", "关心行业政策", "爱看财经新闻",
                                      "对进口品牌有兴趣", "喜欢历史",         "关注子女教育", "研究养生",
                                      "关注汽车",         "喜欢聊足球"};
constexpr string_view kHobbies[] = {"钓鱼", "羽毛球", "乒乓球", "登山",   "书法", "喝茶",  "摄影",
                                    "跑步", "象棋",   "掼蛋",   "太极拳", "篮球", "自驾游"};
constexpr string_view kFamilies[] = {
    "已婚，一子在读大学", "已婚，女儿上高中",     "已婚，两个孩子", "未婚",
    "已婚，爱人是教师",   "已婚，孩子在国外留学", "已婚，父母同住", "已婚，爱人在医院工作"};
constexpr string_view kEducations[] = {"本科（化学工程与工艺）", "大专（机械制造）",           "硕士（工商管理）",
                                       "本科（热能与动力工程）", "中专（化工分析）",           "本科（制药工程）",
                                       "硕士（材料学）",         "本科（过程装备与控制工程）", "本科（会计学）"};
constexpr string_view kBackgrounds[] = {"从技术员做起，在厂里干了二十多年",
                                        "原在设计院工作，后调入",
                                        "曾在外企做采购",
                                        "部队转业",
                                        "从同行阀门厂跳槽过来",
                                        "国企改制后留任",
                                        "大学毕业即进厂，做过车间主任",
                                        "原为设备维修班长，后提拔"};

constexpr string_view kMobilePrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
                                           "150", "151", "152", "153", "155", "156", "158", "159", "177",
                                           "180", "181", "182", "183", "186", "187", "188", "189", "199"};

std::string MobilePhone(Rng& rng) {
    return std::string(rng.Pick(kMobilePrefixes)) + " " + Digits(rng, 4) + " " + Digits(rng, 4);
}

std::string Landline(Rng& rng, const Place& place) {
    return std::string(place.area_code) + "-" + std::to_string(rng.Between(2, 8)) + Digits(rng, 3) + " " +
           Digits(rng, 4);
}

constexpr string_view kFreeMail[] = {"163.com", "126.com", "qq.com", "sina.com", "139.com"};

// ---------------------------------------------------------------------------------------------------------------
// Texts of the file.

constexpr string_view kPaymentTerms[] = {
    "月结30天",          "月结60天", "月结90天", "票到60天付款",
    "票到90天付款",      "货到付款", "款到发货", "预付30%，货到验收后付60%，质保金10%",
    "验收合格后60天付款"};
constexpr Weighted kPaymentMethods[] = {
    {"bank_transfer", 50}, {"bank_acceptance", 30}, {"commercial_acceptance", 8}, {"letter_of_credit", 2}, {"cash", 3},
    {"other", 2}};
constexpr string_view kNeeds[] = {"年度大修需要DN50-DN200衬氟球阀、蝶阀一批",
                                  "新建装置需要耐酸阀门配套，正在做技术比选",
                                  "希望交货期缩短到15天以内",
                                  "需要供应商提供阀门选型技术支持",
                                  "希望供应商检修期间派人驻厂服务",
                                  "关注阀门使用寿命，要求质保期延长到18个月",
                                  "计划逐步用国产衬氟阀门替代进口阀门",
                                  "要求按批次提供材质证明和出厂检验报告",
                                  "希望建立备品备件寄售库存",
                                  "对价格敏感，要求年度框架协议锁价"};
constexpr string_view kFinancialGood[] = {"资金充裕，回款及时",       "经营稳定，偶有延期付款",
                                          "上市公司，财务状况良好",   "集团统一结算，付款流程较长但有保障",
                                          "银行授信充足，现金流稳定", "盈利能力强，近三年营收持续增长"};
constexpr string_view kFinancialWeak[] = {"受行业下行影响，资金偏紧", "应收账款较多，需控制赊销额度",
                                          "资金链紧张，曾有拖欠记录", "多以承兑汇票付款，账期偏长",
                                          "环保整改投入大，现金流承压"};
constexpr string_view kCooperationEstablished[] = {"主要采购衬氟蝶阀和球阀，年度检修集中订货",
                                                   "新建项目和日常维修都到我方进货",
                                                   "合作稳定，偶有小批量急单",
                                                   "通过招标入围，签有三年框架协议",
                                                   "已列入对方合格供应商名录，份额逐年增加",
                                                   "曾因质量问题暂停合作，整改后已恢复供货"};
constexpr string_view kCooperationProspect[] = {"尚未合作，已报价，等待技术评审", "尚未合作，已送样试用",
                                                "经设计院推荐接触，正在洽谈",     "参加过对方招标，未中标",
                                                "正在洽谈新建项目的阀门配套",     "对方主动询价，需求尚不明确"};
constexpr string_view kMarketPositions[] = {"区域龙头企业", "行业前十", "中型骨干企业", "中小型企业", "细分领域领先"};
constexpr string_view kPhilosophies[] = {"质量第一，安全生产", "诚信经营，合作共赢", "以市场为导向，降本增效",
                                         "绿色发展，科技创新"};
constexpr string_view kProblems[] = {"环保整改压力大", "产能过剩，开工率不足", "原料价格波动大", "设备老化，维修费用高",
                                     "人员流动较大，对接人常换"};
constexpr string_view kImages[] = {"口碑良好，守合同重信用企业", "行业内知名度较高", "当地纳税大户，形象良好",
                                   "曾发生安全事故，正在整改", "注重品牌，对供应商要求严格"};
constexpr string_view kCompetitors[] = {"温州某阀门厂，价格低于我方约10%", "上海某流体设备公司，服务响应快",
                                        "进口品牌，主要用于关键装置", "本地小厂，价格低但质量不稳定",
                                        "浙江某衬氟阀门厂，交货期短"};
constexpr string_view kLocalCultures[] = {"当地人重人情，逢年过节需走动", "本地习惯现金结算，讲究当面点清",
                                          "客家地区，重视乡亲关系",       "当地生意多靠熟人介绍",
                                          "饭桌上谈生意，饮酒文化浓",     "重承诺，说到做到最受尊重"};

// The catalog's expected fields per kind (fields.cpp), and those a demo file may leave empty: required
// fields, relationship_start (which the lifecycle depends on) and the individual's local culture stay.
constexpr string_view kEnterpriseExpected =
    "address|postcode|phone|email|general_manager|legal_representative|procurement_head|business_types|"
    "relationship_start|tax_id|ownership_type|registered_capital|paid_in_capital|products|market_orientation|"
    "payment_terms|payment_method|market_region|sales_capability|development_potential|sales_results|"
    "competitiveness|cooperation|financial_status|needs";
constexpr string_view kEnterpriseDroppable =
    "postcode|email|general_manager|procurement_head|business_types|registered_capital|paid_in_capital|products|"
    "market_orientation|payment_terms|payment_method|market_region|sales_capability|development_potential|"
    "sales_results|competitiveness|cooperation|financial_status|needs";
constexpr string_view kTraderExpected =
    "address|postcode|phone|email|proprietor|general_manager|legal_representative|procurement_head|business_types|"
    "relationship_start|tax_id|ownership_type|registered_capital|products|market_orientation|payment_terms|"
    "payment_method|market_region|sales_capability|development_potential|sales_results|competitiveness|"
    "cooperation|financial_status|needs";
constexpr string_view kTraderDroppable =
    "postcode|email|general_manager|legal_representative|procurement_head|business_types|tax_id|ownership_type|"
    "registered_capital|products|market_orientation|payment_terms|payment_method|market_region|sales_capability|"
    "development_potential|sales_results|competitiveness|cooperation|financial_status|needs";
constexpr string_view kIndividualExpected =
    "address|postcode|phone|email|relationship_start|payment_method|development_potential|cooperation|needs|"
    "local_culture";
constexpr string_view kIndividualDroppable =
    "address|postcode|email|payment_method|development_potential|cooperation|needs";
constexpr int kMinFill = 32;  // the least complete demo file still has about a third of its fields

// ---------------------------------------------------------------------------------------------------------------
// Unified social credit codes (GB 32100-2015): 2 registration digits, 6 of the division, 9 of the
// organization, and a check character over the other 17.

constexpr string_view kCreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kCreditCodeWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

std::string CreditCode(Rng& rng, string_view registration, string_view division) {
    std::string code = std::string(registration) + std::string(division);
    for (int i = 0; i < 9; ++i) {
        // Mostly digits, as most organization codes are, with an occasional letter.
        code += rng.Percent(80) ? static_cast<char>('0' + rng.Between(0, 9))
                                : kCreditCodeChars[static_cast<std::size_t>(rng.Between(10, 30))];
    }
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i)
        sum += static_cast<int>(kCreditCodeChars.find(code[i])) * kCreditCodeWeights[i];
    const int check = (31 - sum % 31) % 31;
    code += kCreditCodeChars[static_cast<std::size_t>(check)];
    return code;
}

// ---------------------------------------------------------------------------------------------------------------
// Users.

struct UserSpec {
    string_view username;
    string_view display_name;
    string_view role;
    string_view region;
    string_view language;
};

// clang-format off
constexpr UserSpec kUsers[] = {
    {"admin", "系统管理员", "admin", "", "zh-CN"},
    {"exec", "总经理 刘建国", "executive", "", "zh-CN"},
    {"finance", "信用主管 陈静", "finance", "", "zh-CN"},
    {"commerce", "商务部 赵敏", "commerce", "", "zh-CN"},
    {"salesmgr", "销售部经理 王强", "sales_manager", "", "zh-CN"},
    {"auditor", "审计 孙丽", "auditor", "", "zh-CN"},
    {"rm.east", "华东区经理 周文斌", "regional_manager", "east", "zh-CN"},
    {"assist.east", "华东区助理 吴晓燕", "assistant", "east", "zh-CN"},
    {"rm.north", "华北区经理 郑海涛", "regional_manager", "north", "zh-CN"},
    {"assist.north", "华北区助理 冯丽娜", "assistant", "north", "zh-CN"},
    {"sales.east1", "张伟", "sales", "east", "zh-CN"},
    {"sales.east2", "李娜", "sales", "east", "zh-CN"},
    {"sales.east3", "黄志明", "sales", "east", "zh-CN"},
    {"sales.en", "David Miller", "sales", "east", "en"},
    {"sales.north1", "马俊", "sales", "north", "zh-CN"},
    {"sales.north2", "杨帆", "sales", "north", "zh-CN"},
    {"sales.south1", "梁永健", "sales", "south", "zh-CN"},
    {"sales.south2", "林雅婷", "sales", "south", "zh-TW"},
    {"ventas", "Carlos Ruiz", "sales", "south", "es"},
    {"sales.central1", "胡斌", "sales", "central", "zh-CN"},
    {"sales.central2", "邓丽", "sales", "central", "zh-CN"},
    {"sales.southwest1", "罗刚", "sales", "southwest", "zh-CN"},
    {"sales.southwest2", "唐小红", "sales", "southwest", "zh-CN"},
    {"sales.northeast1", "于东", "sales", "northeast", "zh-CN"},
    {"sales.northeast2", "韩雪", "sales", "northeast", "zh-CN"},
};
// clang-format on

std::vector<string_view> SalespeopleOf(string_view region) {
    std::vector<string_view> out;
    for (const auto& user : kUsers)
        if (user.role == "sales" && user.region == region) out.push_back(user.username);
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The case study's own customers come first, with their stories; the rest is generated.

struct Preset {
    string_view name;
    string_view pinyin;  // of the brand, for the e-mail domain
    string_view city;
    string_view sector;
    string_view lifecycle;
    string_view importance;
    string_view ownership;
    string_view payment_terms;
    string_view financial_status;
    string_view cooperation;
    string_view sales_results;  // "" = generated
    string_view owner;
};

// clang-format off
constexpr Preset kPresets[] = {
    {"江苏淮安恒泰化工有限公司", "hengtai", "淮安", "chem", "established", "general", "private", "款到发货",
     "曾有一笔55万元合同未按约定付款，经法律程序已全部收回；现按丙级信用管理，先款后货",
     "多年老客户，氯碱装置检修阀门主要向我方采购", "", "sales.east1"},
    {"山东胜利石化设备有限公司", "shengli", "东营", "petro", "established", "important", "state_owned", "月结90天",
     "国有控股，资金充裕，回款及时，信用等级甲级", "A类核心客户，新建项目和日常维修都到我方进货",
     "近三年年均采购我方产品约65万元", "sales.east2"},
    {"上海浦江制药股份有限公司", "pujiang", "上海", "pharma", "established", "important", "joint_venture", "月结60天",
     "上市公司，财务状况良好，付款严格按合同执行", "GMP车间隔膜阀指定供应商，年度框架协议", "",
     "sales.east3"},
    {"安徽皖能电力集团", "wanneng", "合肥", "power", "established", "special", "state_owned", "票到90天付款",
     "集团统一结算，付款流程较长但有保障", "下属多家电厂脱硫系统阀门由我方供货", "",
     "sales.east1"},
    {"安徽皖江化工集团有限公司", "wanjiang", "安庆", "chem", "lost", "general", "private", "款到发货",
     "多年老客户，年进货额曾超过300万元，因长期拖欠货款已停止供货，欠款正在追收",
     "原为A类客户，因货款拖欠经公司研究不再供货", "停止供货前年进货额超过300万元，近一年无采购",
     "sales.east2"},
};
// clang-format on

// ---------------------------------------------------------------------------------------------------------------
// Building blocks of a file.

json::object MoneyValue(long long yuan, string_view currency = "CNY") {
    json::object money;
    money["amount"] = std::to_string(yuan) + ".00";
    money["currency"] = std::string(currency);
    return money;
}

json::array TextList(const std::vector<std::string>& items) {
    json::array out;
    for (const auto& item : items) out.emplace_back(item);
    return out;
}

std::string Postcode(Rng& rng, const Place& place) {
    return std::string(place.postcode.substr(0, 5)) + std::to_string(rng.Between(0, 9));
}

std::string Address(Rng& rng, const Place& place, string_view sector_key) {
    std::string out(place.province_full);
    if (!place.Municipality()) out += std::string(place.city) + "市";
    out += place.district;
    if (sector_key == "chem" || sector_key == "petro" || sector_key == "pharma") {
        out += PickOne(rng, "化工园区|经济开发区|高新技术产业开发区|");
    } else if (rng.Percent(30)) {
        out += PickOne(rng, "经济开发区|工业园区|高新区");
    }
    out += std::string(rng.Pick(kStreets)) + std::to_string(rng.Between(1, 999)) + "号";
    return out;
}

std::string MarketRegion(Rng& rng, const Place& place, string_view orientation) {
    if (orientation == "export") return "东南亚、中东";
    if (orientation == "both") return std::string(PickOne(rng, "全国及东南亚|国内及中东|全国，部分出口"));
    switch (rng.Between(0, 3)) {
        case 0:
            return std::string(RegionName(place.region)) + "地区";
        case 1:
            return std::string(place.province_full) + "内";
        case 2:
            return "全国";
        default:
            return std::string(place.city) + "及周边";
    }
}

// The number of days before today that a relationship started, by lifecycle.
int RelationshipDaysAgo(Rng& rng, string_view lifecycle) {
    constexpr int kTwelveYears = 12 * 365;
    if (lifecycle == "new") return rng.Between(60, 330);
    if (lifecycle == "established") return rng.Between(400, kTwelveYears - 30);
    if (lifecycle == "dormant") return rng.Between(3 * 365, kTwelveYears - 30);
    return rng.Between(2 * 365, kTwelveYears - 30);  // lost
}

string_view StageOf(string_view lifecycle) {
    if (lifecycle == "prospect") return "upcoming";
    if (lifecycle == "dormant" || lifecycle == "lost") return "past";
    return "current";
}

int YearOf(Date date) { return static_cast<int>(date.year()); }

// A contact; `person` may be one of the file's officers (the procurement head is the usual first contact).
json::object MakeContact(Rng& rng, const Person& person, string_view title, const std::string& domain, bool primary) {
    json::object contact;
    contact["name"] = person.name;
    contact["title"] = std::string(title);
    json::array phones;
    phones.emplace_back(MobilePhone(rng));
    if (rng.Percent(15)) phones.emplace_back(MobilePhone(rng));
    contact["phones"] = std::move(phones);
    if (rng.Percent(70)) {
        contact["email"] = domain.empty() || rng.Percent(30) ? person.pinyin + std::to_string(rng.Between(1, 99)) +
                                                                   "@" + std::string(rng.Pick(kFreeMail))
                                                             : person.pinyin + "@" + domain;
    }
    contact["primary"] = primary;
    if (rng.Percent(50)) {
        json::object profile;
        profile["personality"] = std::string(rng.Pick(kPersonalities));
        if (rng.Percent(85)) profile["interests"] = std::string(rng.Pick(kInterests));
        if (rng.Percent(85)) profile["hobbies"] = std::string(rng.Pick(kHobbies));
        const int age = rng.Between(28, 62);
        if (rng.Percent(80))
            profile["family"] = std::string(age < 32 && rng.Percent(50) ? "未婚" : rng.Pick(kFamilies));
        if (rng.Percent(85)) profile["education"] = std::string(rng.Pick(kEducations));
        profile["age"] = age;
        if (rng.Percent(70)) profile["background"] = std::string(rng.Pick(kBackgrounds));
        contact["profile"] = std::move(profile);
    }
    return contact;
}

// 1 contact for ~90% of the files, 2 or 3 for the rest; exactly one is primary. `first` leads.
json::array MakeContacts(Rng& rng, const Person& first, string_view first_title, string_view other_titles,
                         const std::string& domain) {
    const int roll = rng.Between(0, 99);
    const int count = roll < 90 ? 1 : roll < 97 ? 2 : 3;
    json::array contacts;
    std::set<std::string> names{first.name};
    std::set<std::string> titles{std::string(first_title)};
    contacts.emplace_back(MakeContact(rng, first, first_title, domain, true));
    while (static_cast<int>(contacts.size()) < count) {
        const Person person = MakePerson(rng);
        const std::string title(PickOne(rng, other_titles));
        if (!names.insert(person.name).second || !titles.insert(title).second) continue;
        contacts.emplace_back(MakeContact(rng, person, title, domain, false));
    }
    return contacts;
}

// ---------------------------------------------------------------------------------------------------------------
// Activities.

constexpr string_view kVisits[] = {"上门拜访采购部，了解年度检修计划",
                                   "陪同技术人员到现场查看阀门使用工况",
                                   "拜访设备部主任，介绍新款衬氟球阀",
                                   "走访新建项目工地，了解阀门选型",
                                   "年底回访，核对全年供货及回款",
                                   "拜访财务部，对账并商定回款计划",
                                   "邀请对方来厂参观生产线"};
constexpr string_view kCalls[] = {"电话确认交货期",        "电话催收上月货款",     "电话沟通检修备件清单",
                                  "电话询价：PFA衬里球阀", "电话回访阀门使用情况", "电话确认对账单"};
constexpr string_view kProblemsOfValves[] = {"密封面渗漏",   "阀杆处泄漏", "衬里出现鼓包",
                                             "操作扭矩偏大", "关闭不严",   "法兰连接尺寸与管道不符"};
constexpr string_view kFeedbackDetails[] = {
    "已安排技术员上门查看，初步判断为安装时螺栓受力不均。", "系介质含颗粒导致密封面划伤，建议加装过滤器。",
    "确认为衬里质量问题，已免费更换。", "为超温使用所致，已向对方说明使用条件。", ""};
constexpr string_view kTechnicalFixed[] = {
    "要求DN200蝶阀配气动执行器，带限位开关反馈", "要求提供材质证明及第三方检测报告",
    "要求衬里材料为PFA，并逐台做电火花检测",     "要求阀门满足负压工况-0.09MPa，衬里不得吸瘪",
    "隔膜阀内表面抛光Ra≤0.4μm，符合GMP要求",     "耐磨球阀用于含固量30%的矿浆，要求寿命不低于一年"};
constexpr string_view kMedia[] = {"98%硫酸",   "93%硫酸", "31%盐酸", "65%硝酸",
                                  "40%氢氟酸", "32%液碱", "湿氯气",  "10%次氯酸钠"};
constexpr string_view kServices[] = {"派技术员到现场指导安装调试", "更换渗漏阀门密封件，免费处理",
                                     "检修期驻厂服务三天",         "为对方设备部做阀门选型培训",
                                     "协助对方编制阀门备件清单",   "上门对在用阀门做年度巡检"};
constexpr string_view kOtherGreetings[] = {"祝贺对方新厂区投产", "对方负责人生日问候", "祝贺对方通过安全标准化验收",
                                           "祝贺对方获评省级专精特新企业"};
constexpr string_view kNotes[] = {"对方更换采购负责人，需重新对接", "了解到对方明年计划扩建一条生产线",
                                  "对方资金紧张，回款放缓，需关注", "竞争对手报价低于我方8%",
                                  "已列入对方合格供应商名录",       "对方通过安全环保检查，恢复生产",
                                  "对方年度招标将于下季度启动",     "对方要求下调价格3%，已报公司审批"};
constexpr string_view kDormantNotes[] = {"近半年无订单，电话回访称项目暂停", "对方停产检修，采购暂缓"};
constexpr string_view kProspectVisits[] = {"首次拜访，介绍公司产品和业绩", "走访新建项目工地，了解阀门选型",
                                           "邀请对方来厂参观生产线", "拜访设计院，了解项目阀门规格"};
constexpr string_view kProspectCalls[] = {"电话跟进报价", "电话询价：PFA衬里球阀", "电话预约拜访时间"};
constexpr string_view kProspectNotes[] = {"已提交资质文件，等待供应商审核", "对方年度招标将于下季度启动",
                                          "了解到对方明年计划扩建一条生产线", "对方更换采购负责人，需重新对接"};
constexpr int kDiameters[] = {25, 32, 40, 50, 65, 80, 100, 125, 150, 200, 250, 300};

string_view Greeting(Rng& rng, Date date) {
    const unsigned month = static_cast<unsigned>(date.month());
    if (month == 1 || month == 2) return rng.Percent(70) ? "春节问候" : "元旦问候";
    if (month == 6) return "端午节问候";
    if (month == 9) return "中秋节问候，送月饼";
    if (month == 10) return "国庆节问候";
    return rng.Pick(kOtherGreetings);
}

struct ActivityContext {
    string_view lifecycle;
    std::optional<Date> relationship_start;
    std::vector<std::string> products;     // what the customer buys; never empty
    bool arrears;                          // why a lost customer was lost
    string_view media = "硫酸|盐酸|液碱";  // what flows through the customer's valves ('|' alternatives)
};

std::vector<DemoActivity> MakeActivities(Rng& rng, const ActivityContext& context, Date today) {
    int count = 0;
    int newest = 0;  // days before today
    int oldest = 729;
    string_view types =
        "visit|visit|call|call|quality_feedback|technical_requirement|delivery|delivery|service|greeting|note";
    if (context.lifecycle == "prospect") {
        count = rng.Pick({0, 0, 1, 1, 2, 3});
        oldest = 365;
        types = "visit|visit|call|technical_requirement|note";
    } else if (context.lifecycle == "new") {
        count = rng.Pick({1, 1, 2, 2, 3, 4});
    } else if (context.lifecycle == "dormant") {
        count = rng.Pick({0, 1, 1, 2});
        newest = 200;
    } else if (context.lifecycle == "lost") {
        count = rng.Pick({0, 1, 2, 3});
        newest = 180;
    } else {
        count = rng.Pick({0, 1, 1, 2, 2, 3, 3, 4, 5, 6});
    }
    if (context.relationship_start) {
        // Nothing long before the relationship began (a month of talks at most).
        const int since = static_cast<int>(
            (std::chrono::sys_days(today) - std::chrono::sys_days(*context.relationship_start)).count());
        oldest = std::max(newest, std::min(oldest, since + 30));
    }
    const bool prospect = context.lifecycle == "prospect";
    std::vector<DemoActivity> out;
    for (int i = 0; i < count; ++i) {
        DemoActivity activity;
        activity.type = PickOne(rng, types);
        activity.date = AddDays(today, -rng.Between(newest, oldest));
        const auto& product = context.products[rng.Index(context.products.size())];
        const std::string dn = "DN" + std::to_string(rng.Pick(kDiameters));
        if (activity.type == "visit") {
            activity.summary = prospect ? rng.Pick(kProspectVisits) : rng.Pick(kVisits);
            if (rng.Percent(30)) activity.details = "对方表示下季度有检修计划，请我方提前备货。";
        } else if (activity.type == "call") {
            activity.summary = prospect ? rng.Pick(kProspectCalls) : rng.Pick(kCalls);
        } else if (activity.type == "quality_feedback") {
            // Diaphragms break and check valves slam; any valve may leak.
            const string_view problem =
                product.find("隔膜阀") != std::string::npos && rng.Percent(50)   ? "膜片使用三个月后破裂"
                : product.find("止回阀") != std::string::npos && rng.Percent(50) ? "关闭时有水锤声"
                                                                                 : rng.Pick(kProblemsOfValves);
            activity.summary = "反馈" + dn + product + std::string(problem);
            activity.details = rng.Pick(kFeedbackDetails);
        } else if (activity.type == "technical_requirement") {
            const int roll = rng.Between(0, 99);
            if (roll < 45) {
                activity.summary = "要求阀门耐受" + std::string(rng.Pick(kMedia)) + "，温度" +
                                   std::to_string(rng.Between(4, 18) * 10) + "℃";
            } else if (roll < 70) {
                activity.summary = "介质为" + std::string(PickOne(rng, context.media)) + "，要求" + product +
                                   std::string(PickOne(rng, "耐腐蚀、零泄漏|提供选型方案|寿命不低于两年"));
            } else {
                activity.summary = rng.Pick(kTechnicalFixed);
            }
        } else if (activity.type == "delivery") {
            activity.summary = "发货：" + product + dn + "×" + std::to_string(rng.Between(2, 40)) + "台";
            if (rng.Percent(40))
                activity.details =
                    std::string(PickOne(rng, "送货到厂，现场验收合格|分批交货，第二批已发出|物流发货，对方已签收"));
        } else if (activity.type == "service") {
            activity.summary = rng.Pick(kServices);
        } else if (activity.type == "greeting") {
            activity.summary = Greeting(rng, activity.date);
        } else {
            activity.summary = prospect ? rng.Pick(kProspectNotes) : rng.Pick(kNotes);
        }
        out.push_back(std::move(activity));
    }
    if (count > 0 && (context.lifecycle == "dormant" || context.lifecycle == "lost")) {
        // The newest entry tells why the relationship stopped.
        auto& last = *std::min_element(out.begin(), out.end(),
                                       [](const DemoActivity& a, const DemoActivity& b) { return a.date > b.date; });
        last.type = "note";
        last.summary = context.lifecycle == "dormant" ? std::string(rng.Pick(kDormantNotes))
                       : context.arrears              ? "多次催款未果，经公司研究停止供货"
                                                      : "对方改用竞争对手产品，合作终止";
        last.details.clear();
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DemoActivity& a, const DemoActivity& b) { return a.date < b.date; });
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// One file.

struct Slot {
    string_view kind;
    string_view region;
    string_view lifecycle;
    const Preset* preset = nullptr;
    bool arrears = false;  // a lost customer was dropped for not paying (else it went to a competitor)
};

class Generator {
 public:
    Generator(std::uint64_t seed, Date today) : rng_(seed), rng_seed_(seed), today_(today) {}

    DemoCompany Build() {
        DemoCompany company;
        for (const auto& spec : kUsers) {
            company.users.push_back(DemoUser{std::string(spec.username),
                                             std::string(spec.display_name),
                                             std::string(kPassword),
                                             {std::string(spec.role)},
                                             std::string(spec.region),
                                             std::string(spec.language)});
        }
        for (const auto& slot : Slots()) company.customers.push_back(Customer(slot));
        // The trade comes from a stream of its own, so that the files stay as they were.
        Rng trade(rng_seed_ ^ 0x7e57ab1eULL);
        for (auto& c : company.customers) AddTrade(trade, c);
        return company;
    }

 private:
    // Established customers buy on credit for the last two years, dormant ones stopped eight months ago
    // and lost ones fourteen; prospects and new customers get an evaluation instead. Buyers differ in
    // size as in the seed's valve maker (a few buy 300,000 a year or more, most well under 200,000), so
    // that the tiers (CL-1) come out a mix.
    void AddTrade(Rng& rng, DemoCustomer& c) {
        const auto* lifecycle = c.body.if_contains("lifecycle");
        std::string_view life;  // not a ?: — its "" branch would make a temporary json::string to point into
        if (lifecycle && lifecycle->is_string()) life = lifecycle->get_string();
        if (life == "prospect" || life == "new") {
            c.evaluation = rng.Between(4, 10);
            return;
        }
        if (life != "established" && life != "dormant" && life != "lost") return;
        DemoCredit credit;
        constexpr Weighted kBehaviours[] = {{"punctual", 40}, {"slow", 25}, {"partial", 18}, {"late", 11}, {"bad", 6}};
        credit.behaviour = std::string(PickWeighted(rng, kBehaviours));
        constexpr int kTerms[] = {30, 30, 45, 60, 90};
        credit.term_days = rng.Pick(kTerms);
        const int stop_months = life == "dormant" ? 8 : life == "lost" ? 14 : 0;
        int per_quarter = rng.Between(1, 5);  // orders per quarter
        constexpr Weighted kBuyerSizes[] = {{"large", 6}, {"medium", 30}, {"small", 64}};
        const string_view size_class = PickWeighted(rng, kBuyerSizes);
        if (size_class == "medium") per_quarter = 3;  // steady buyers around the B band
        const int max_lines = size_class == "small" ? 1 : size_class == "medium" ? 2 : 3;
        const int max_quantity = size_class == "small" ? 3 : size_class == "medium" ? 6 : 30;
        const auto products = Alternatives(kValveProducts);
        std::int64_t largest = 0;
        for (int month = 24; month > stop_months; --month) {
            for (int k = 0; k < 3; ++k) {
                if (!rng.Percent(per_quarter * 100 / 9)) continue;  // per_quarter orders in 9 draws a quarter
                DemoOrder o;
                o.date = AddDays(AddMonths(today_, -month), rng.Between(0, 9) + 10 * k);
                if (o.date > AddDays(today_, -1)) continue;
                const int lines = rng.Between(1, max_lines);
                for (int l = 0; l < lines; ++l) {
                    DemoLine line;
                    line.product = std::string(products[rng.Index(products.size())]);
                    constexpr int kSizes[] = {25, 40, 50, 80, 100, 150, 200, 250, 300};
                    const int size = rng.Pick(kSizes);
                    line.model = "DN" + std::to_string(size) + " PN" + (rng.Percent(70) ? "16" : "25");
                    line.quantity = rng.Between(1, max_quantity);
                    line.unit_price_yuan = (400 + size * rng.Between(10, 40)) / 10 * 10;
                    o.amount_yuan += line.quantity * line.unit_price_yuan;
                    o.lines.push_back(std::move(line));
                }
                o.invoice_date = AddDays(o.date, 2);
                const Date due = AddDays(o.invoice_date, credit.term_days);
                Pay(rng, credit.behaviour, o, due);
                largest = std::max(largest, o.amount_yuan);
                credit.orders.push_back(std::move(o));
            }
        }
        std::sort(credit.orders.begin(), credit.orders.end(),
                  [](const DemoOrder& a, const DemoOrder& b) { return a.date < b.date; });
        if (credit.orders.empty()) return;
        // Room for about four of its largest orders, in tens of thousands.
        credit.limit_yuan = (largest * 4 + 9999) / 10000 * 10000;
        c.credit = std::move(credit);
    }

    void Pay(Rng& rng, const std::string& behaviour, DemoOrder& o, Date due) {
        const auto pay = [&](Date date, std::int64_t yuan) {
            if (date <= AddDays(today_, -1) && yuan > 0) o.payments.push_back({date, yuan});
        };
        if (behaviour == "punctual") {
            pay(AddDays(due, -rng.Between(0, 10)), o.amount_yuan);
        } else if (behaviour == "slow") {
            pay(AddDays(due, rng.Between(5, 40)), o.amount_yuan);
        } else if (behaviour == "partial") {
            const std::int64_t first = o.amount_yuan * 85 / 100;
            pay(AddDays(due, rng.Between(0, 15)), first);
            pay(AddDays(due, rng.Between(30, 80)), o.amount_yuan - first);
        } else if (behaviour == "late") {
            pay(AddDays(due, rng.Between(30, 90)), o.amount_yuan);
        } else if (o.invoice_date < AddMonths(today_, -5)) {  // bad: paid, slowly, until five months ago
            pay(std::min(AddDays(due, rng.Between(20, 60)), AddMonths(today_, -5)), o.amount_yuan);
        }
    }

    // The kinds, regions and lifecycles of all files, in exact proportions, shuffled independently.
    std::vector<Slot> Slots() {
        std::vector<Slot> slots;
        std::vector<string_view> kinds;
        std::vector<string_view> regions;
        std::vector<string_view> lifecycles;
        const auto take = [](std::vector<string_view>& pool, string_view value) {
            const auto it = std::find(pool.begin(), pool.end(), value);
            if (it != pool.end()) pool.erase(it);
        };
        const auto add = [](std::vector<string_view>& pool, string_view value, int count) {
            for (int i = 0; i < count; ++i) pool.push_back(value);
        };
        add(kinds, "enterprise", 190);
        add(kinds, "trader", 25);
        add(kinds, "individual", 5);
        for (const auto& region : kRegions) add(regions, region.code, region.customers);
        add(lifecycles, "prospect", 25);
        add(lifecycles, "new", 20);
        add(lifecycles, "dormant", 6);
        add(lifecycles, "lost", 4);
        add(lifecycles, "established", static_cast<int>(kinds.size()) - 55);
        for (const auto& preset : kPresets) {
            const Place& place = FindPlace(preset.city);
            slots.push_back(Slot{"enterprise", place.region, preset.lifecycle, &preset});
            take(kinds, "enterprise");
            take(regions, place.region);
            take(lifecycles, preset.lifecycle);
        }
        rng_.Shuffle(kinds);
        rng_.Shuffle(regions);
        rng_.Shuffle(lifecycles);
        for (std::size_t i = 0; i < kinds.size(); ++i) slots.push_back(Slot{kinds[i], regions[i], lifecycles[i]});
        return slots;
    }

    std::string UniqueName(const std::function<std::string()>& make) {
        while (true) {
            std::string name = make();
            if (names_.insert(name).second) return name;
        }
    }

    std::string UniqueTaxId(string_view registration, const Place& place) {
        while (true) {
            std::string code = CreditCode(rng_, registration, place.division);
            if (tax_ids_.insert(code).second) return code;
        }
    }

    std::string NamePrefix(const Place& place) {
        if (place.Municipality()) return std::string(place.province);
        switch (rng_.Between(0, 9)) {
            case 0:
            case 1:
            case 2:
            case 3:
                return std::string(place.province) + std::string(place.city);
            case 4:
            case 5:
            case 6:
            case 7:
                return std::string(place.city);
            default:
                return std::string(place.province);
        }
    }

    std::string Domain(string_view pinyin, string_view key) {
        return std::string(pinyin) + std::string(key) + std::string(PickOne(rng_, ".com|.com.cn|.cn"));
    }

    DemoCustomer Customer(Slot slot) {
        slot.arrears = slot.preset != nullptr || rng_.Percent(60);
        if (slot.kind == "trader") return Trader(slot);
        if (slot.kind == "individual") return Individual(slot);
        return Enterprise(slot);
    }

    // The fill level of a file: the completeness score (0-100) it is thinned down to, and how likely it has
    // the fields that do not count toward completeness. Prospects are known less well.
    int FillLevel(string_view lifecycle) {
        if (lifecycle == "prospect") return rng_.Between(kMinFill, 75);
        return rng_.Percent(35) ? 100 : rng_.Between(kMinFill, 95);
    }

    // Removes fields from `droppable` until the file's completeness (present expected fields plus one for
    // the contacts, over all expected fields plus one) is just at or above `fill`. A paid-in capital
    // goes before its registered capital.
    void Thin(json::object& body, string_view expected, string_view droppable, int fill) {
        const auto expected_keys = Alternatives(expected);
        const int total = static_cast<int>(expected_keys.size()) + 1;
        int present = 1;
        for (const auto key : expected_keys) present += body.contains(key) ? 1 : 0;
        const int keep = (fill * total + 99) / 100;
        std::vector<string_view> candidates;
        for (const auto key : Alternatives(droppable))
            if (body.contains(key)) candidates.push_back(key);
        rng_.Shuffle(candidates);
        std::set<string_view> dropped;
        for (auto key : candidates) {
            if (present <= keep) break;
            if (key == "registered_capital" && !dropped.contains("paid_in_capital") && body.contains("paid_in_capital"))
                key = "paid_in_capital";
            if (!dropped.insert(key).second) continue;
            --present;
        }
        // json::object::erase moves the last key into the gap; rebuilding keeps the catalog order.
        json::object thinned;
        for (const auto& [key, value] : body)
            if (!dropped.contains(string_view(key))) thinned[key] = value;
        body = std::move(thinned);
    }

    string_view Importance(string_view lifecycle) {
        const int roll = rng_.Between(0, 99);
        if (lifecycle == "established") return roll < 17 ? "important" : roll < 29 ? "special" : "general";
        if (lifecycle == "new") return roll < 5 ? "important" : roll < 15 ? "special" : "general";
        return roll < 5 ? "special" : "general";
    }

    std::string Owner(string_view region, string_view lifecycle) {
        const auto salespeople = SalespeopleOf(region);
        if (salespeople.empty() || rng_.Percent(lifecycle == "prospect" ? 8 : 1)) return "";
        return std::string(salespeople[rng_.Index(salespeople.size())]);
    }

    const Place& PickPlace(string_view region) {
        const auto places = PlacesOf(region);
        return *places[rng_.Index(places.size())];
    }

    std::string SalesResults(string_view lifecycle, string_view importance) {
        const int amount = importance == "important" ? rng_.Between(30, 320)
                           : importance == "special" ? rng_.Between(15, 200)
                                                     : rng_.Between(2, 29);
        const std::string wan = std::to_string(amount) + "万元";
        if (lifecycle == "new") return "合作以来已采购约" + wan;
        if (lifecycle == "dormant" || lifecycle == "lost") return "历史年采购额约" + wan + "，近一年无采购";
        if (rng_.Percent(50)) return "近三年年均采购我方产品约" + wan;
        return std::to_string(YearOf(today_) - 1) + "年采购额约" + wan + "，同比" +
               (rng_.Percent(70) ? "增长" : "下降") + std::to_string(rng_.Between(3, 35)) + "%";
    }

    std::string Cooperation(string_view lifecycle, std::optional<Date> start, bool arrears) {
        if (lifecycle == "prospect") return std::string(rng_.Pick(kCooperationProspect));
        const std::string since = "自" + std::to_string(YearOf(*start)) + "年开始合作，";
        if (lifecycle == "new") {
            return std::to_string(YearOf(*start)) + "年" + std::to_string(static_cast<unsigned>(start->month())) +
                   "月首次合作，已供货" + std::to_string(rng_.Between(1, 4)) + "批";
        }
        if (lifecycle == "dormant") return since + "近一年无订单，对方项目暂停";
        if (lifecycle == "lost") return since + (arrears ? "因货款拖欠已停止供货" : "被竞争对手以低价替代，合作终止");
        return since + std::string(rng_.Pick(kCooperationEstablished));
    }

    std::string FinancialStatus(string_view lifecycle, bool arrears) {
        if (lifecycle == "lost" && arrears)
            return std::string(PickOne(rng_, "拖欠货款，信用较差|资金链断裂，已停产整顿"));
        if (lifecycle == "prospect")
            return std::string(PickOne(rng_, "据了解经营正常|尚未掌握，需调查|规模较大，资金实力强"));
        return std::string(rng_.Percent(75) ? rng_.Pick(kFinancialGood) : rng_.Pick(kFinancialWeak));
    }

    // Identity and classification, the first keys of every body.
    json::object Head(string_view kind, const std::string& name, string_view region, string_view nature,
                      string_view importance, string_view lifecycle) {
        json::object body;
        body["kind"] = std::string(kind);
        body["name"] = name;
        body["region"] = std::string(region);
        body["nature"] = std::string(nature);
        body["importance"] = std::string(importance);
        body["lifecycle"] = std::string(lifecycle);
        body["stage"] = std::string(StageOf(lifecycle));
        return body;
    }

    DemoCustomer Enterprise(const Slot& slot) {
        const Preset* preset = slot.preset;
        const Place& place = preset ? FindPlace(preset->city) : PickPlace(slot.region);
        const string_view lifecycle = slot.lifecycle;
        const int nature_roll = rng_.Between(0, 99);
        const string_view nature = preset             ? "ordinary"
                                   : nature_roll < 3  ? "government"
                                   : nature_roll < 8  ? "partner"
                                   : nature_roll < 12 ? "special"
                                                      : "ordinary";
        const bool government = nature == "government";
        // Government customers (drainage, water supply) buy like environmental companies.
        const Sector& sector = preset ? FindSector(preset->sector) : government ? FindSector("eco") : PickSector(rng_);
        string_view pinyin = preset ? preset->pinyin : string_view();
        const std::string name = preset ? std::string(preset->name) : UniqueName([&] {
            if (government) return std::string(place.city) + "市" + std::string(PickOne(rng_, kPublicBodies));
            const Brand& brand = rng_.Pick(kBrands);
            pinyin = brand.pinyin;
            const string_view word = PickOne(rng_, sector.words);
            const bool short_word = word.size() <= 6;  // two Chinese characters: 化工科技, but not 精细化工科技
            const string_view extra = short_word ? PickOne(rng_, sector.extras) : string_view();
            string_view suffix = PickWeighted(rng_, kCompanySuffixes);
            if (!extra.empty() && suffix == "实业有限公司") suffix = "有限公司";  // not 科技实业
            return NamePrefix(place) + std::string(brand.name) + std::string(word) + std::string(extra) +
                   std::string(suffix);
        });
        if (preset) names_.insert(name);
        const string_view importance = preset ? preset->importance : Importance(lifecycle);
        const int fill = preset ? 100 : FillLevel(lifecycle);

        string_view ownership;
        if (preset) {
            ownership = preset->ownership;
        } else if (government || rng_.Percent(sector.state_owned_percent)) {
            ownership = "state_owned";
        } else {
            const int roll = rng_.Between(0, 99);
            ownership = roll < 72 ? "private" : roll < 88 ? "joint_venture" : "foreign";
        }
        const std::string domain = government ? std::string() : Domain(pinyin, sector.key);

        json::object body = Head("enterprise", name, place.region, nature, importance, lifecycle);
        body["address"] = Address(rng_, place, sector.key);
        body["postcode"] = Postcode(rng_, place);
        body["phone"] = Landline(rng_, place);
        if (rng_.Percent(30)) body["fax"] = Landline(rng_, place);
        {
            body["email"] = government
                                ? std::string(PickOne(rng_, "bgs|office|zhb")) + Digits(rng_, 3) + "@163.com"
                                : std::string(PickOne(rng_, "purchase|caigou|info|office|supply")) + "@" + domain;
        }
        if (!government && rng_.Percent(fill / 4)) body["website"] = "https://www." + domain;

        const Person legal = MakePerson(rng_);
        const Person manager = rng_.Percent(55) ? legal : MakePerson(rng_);
        const Person buyer = MakePerson(rng_);
        body["general_manager"] = manager.name;
        body["legal_representative"] = legal.name;
        body["procurement_head"] = buyer.name;
        body["business_types"] = TextList(PickSome(rng_, sector.business_types, rng_.Between(1, 3)));

        std::optional<Date> start;
        if (lifecycle != "prospect") {
            start = AddDays(today_, -RelationshipDaysAgo(rng_, lifecycle));
            body["relationship_start"] = FormatDate(*start);
        }
        body["tax_id"] = UniqueTaxId(government ? "12" : "91", place);
        body["ownership_type"] = std::string(ownership);

        {
            static constexpr long long kCapitals[] = {50,   100,  200,  300,  500,   800,   1000,  1500,
                                                      2000, 3000, 5000, 8000, 10000, 20000, 50000, 100000};
            const bool big = ownership == "state_owned" || name.find("集团") != std::string::npos;
            const std::size_t low = big ? 6 : 0;
            const std::size_t high = big ? std::size(kCapitals) - 1 : 12;
            const long long registered = kCapitals[low + rng_.Index(high - low + 1)] * 10000;
            const string_view currency = ownership == "foreign" && rng_.Percent(50) ? "USD" : "CNY";
            body["registered_capital"] = MoneyValue(registered, currency);
            {
                static constexpr int kPaidPercent[] = {100, 100, 100, 80, 60, 50, 30};
                body["paid_in_capital"] = MoneyValue(registered / 100 * rng_.Pick(kPaidPercent), currency);
            }
        }
        std::vector<std::string> products = PickSome(rng_, sector.products, rng_.Between(1, 2));
        for (const auto& extra : PickSome(rng_, kValveProducts, rng_.Between(0, 2)))
            if (std::find(products.begin(), products.end(), extra) == products.end()) products.push_back(extra);
        body["products"] = TextList(products);

        const int orientation_roll = rng_.Between(0, 99);
        const string_view orientation = preset || orientation_roll < 75 ? "domestic"
                                        : orientation_roll < 95         ? "both"
                                                                        : "export";
        body["market_orientation"] = std::string(orientation);
        if (preset) {
            body["payment_terms"] = std::string(preset->payment_terms);
        } else {
            body["payment_terms"] = lifecycle == "lost" ? std::string("款到发货")
                                    : importance == "important"
                                        ? std::string(PickOne(rng_, "月结60天|月结90天|票到90天付款"))
                                        : std::string(rng_.Pick(kPaymentTerms));
        }
        body["payment_method"] =
            std::string(orientation == "export" ? "letter_of_credit" : PickWeighted(rng_, kPaymentMethods));
        body["market_region"] = MarketRegion(rng_, place, orientation);
        body["sales_capability"] = rng_.Between(1, 5);
        body["development_potential"] = rng_.Between(1, 5);
        if (fill >= 60 && rng_.Percent(25)) body["business_philosophy"] = std::string(rng_.Pick(kPhilosophies));
        if (preset && !preset->sales_results.empty()) {
            body["sales_results"] = std::string(preset->sales_results);
        } else if (lifecycle != "prospect") {
            body["sales_results"] = SalesResults(lifecycle, importance);
        }
        if (fill >= 60 && rng_.Percent(25))
            body["market_share"] =
                std::string(place.province_full) + "内约" + std::to_string(rng_.Between(2, 30)) + "%";
        body["competitiveness"] = rng_.Between(1, 5);
        if (fill >= 60 && rng_.Percent(30)) body["market_position"] = std::string(rng_.Pick(kMarketPositions));
        if (preset) {
            body["cooperation"] = std::string(preset->cooperation);
        } else {
            body["cooperation"] = Cooperation(lifecycle, start, slot.arrears);
        }
        if (fill >= 60 && rng_.Percent(25)) body["current_problems"] = std::string(rng_.Pick(kProblems));
        if (fill >= 60 && rng_.Percent(20)) body["image_reputation"] = std::string(rng_.Pick(kImages));
        if (preset) {
            body["financial_status"] = std::string(preset->financial_status);
        } else {
            body["financial_status"] = FinancialStatus(lifecycle, slot.arrears);
        }
        if (fill >= 60 && rng_.Percent(30)) body["competitors"] = std::string(rng_.Pick(kCompetitors));
        body["needs"] = std::string(rng_.Pick(kNeeds));
        if (fill >= 60 && rng_.Percent(20))
            body["product_preferences"] =
                "偏好" + products.front() + "，" +
                std::string(PickOne(rng_, "看重交货期|看重使用寿命|看重价格|认可我方售后服务"));

        Thin(body, kEnterpriseExpected, kEnterpriseDroppable, fill);
        const bool buyer_first = rng_.Percent(65);
        body["contacts"] = buyer_first
                               ? MakeContacts(rng_, buyer, PickOne(rng_, kProcurementTitles), kOtherTitles, domain)
                               : MakeContacts(rng_, manager, "总经理", kOtherTitles, domain);

        DemoCustomer customer;
        customer.owner_username = preset ? std::string(preset->owner) : Owner(place.region, lifecycle);
        customer.activities =
            MakeActivities(rng_, ActivityContext{lifecycle, start, products, slot.arrears, sector.media}, today_);
        customer.body = std::move(body);
        return customer;
    }

    DemoCustomer Trader(const Slot& slot) {
        const Place& place = PickPlace(slot.region);
        const string_view lifecycle = slot.lifecycle;
        string_view pinyin;
        const std::string name = UniqueName([&] {
            const std::string prefix = rng_.Percent(70) || place.Municipality()
                                           ? std::string(place.city)
                                           : std::string(place.province) + std::string(place.city);
            const Brand& brand = rng_.Pick(kBrands);
            pinyin = brand.pinyin;
            return prefix + std::string(brand.name) + std::string(PickOne(rng_, kTraderWords)) +
                   std::string(PickWeighted(rng_, kTraderSuffixes));
        });
        const string_view importance = Importance(lifecycle);
        const string_view nature = rng_.Percent(35) ? "partner" : "ordinary";
        const int fill = FillLevel(lifecycle);
        const std::string domain = rng_.Percent(40) ? Domain(pinyin, "valve") : std::string();

        json::object body = Head("trader", name, place.region, nature, importance, lifecycle);
        body["address"] = Address(rng_, place, "trader");
        body["postcode"] = Postcode(rng_, place);
        body["phone"] = rng_.Percent(70) ? Landline(rng_, place) : MobilePhone(rng_);
        body["email"] = domain.empty() ? std::string(pinyin) + Digits(rng_, 3) + "@" + std::string(rng_.Pick(kFreeMail))
                                       : "sales@" + domain;
        const Person proprietor = MakePerson(rng_);
        body["proprietor"] = proprietor.name;
        body["general_manager"] = proprietor.name;
        body["legal_representative"] = proprietor.name;
        body["procurement_head"] = MakePerson(rng_).name;
        body["business_types"] =
            TextList(PickSome(rng_, "阀门销售|管件销售|流体设备代理|泵阀维修|防腐工程配套", rng_.Between(1, 3)));
        std::optional<Date> start;
        if (lifecycle != "prospect") {
            start = AddDays(today_, -RelationshipDaysAgo(rng_, lifecycle));
            body["relationship_start"] = FormatDate(*start);
        }
        const bool sole = name.ends_with("经销部") || name.ends_with("经营部") || name.ends_with("供应站");
        body["tax_id"] = UniqueTaxId(sole ? "92" : "91", place);
        body["ownership_type"] = std::string(sole ? "individual" : "private");
        body["registered_capital"] = MoneyValue(static_cast<long long>(rng_.Pick({10, 30, 50, 100, 200, 500})) * 10000);
        const std::vector<std::string> products = PickSome(rng_, kValveProducts, rng_.Between(2, 5));
        body["products"] = TextList(products);
        body["market_orientation"] = "domestic";
        body["payment_terms"] = std::string(PickOne(rng_, "款到发货|月结30天|货到付款|月结60天"));
        body["payment_method"] = std::string(PickOne(rng_, "bank_transfer|bank_transfer|cash|bank_acceptance"));
        body["market_region"] = std::string(place.city) + "及周边";
        body["sales_capability"] = rng_.Between(1, 5);
        body["development_potential"] = rng_.Between(1, 5);
        if (lifecycle != "prospect") body["sales_results"] = SalesResults(lifecycle, importance);
        body["competitiveness"] = rng_.Between(1, 5);
        body["cooperation"] = lifecycle == "prospect" ? std::string("尚未合作，有意代理我方产品")
                                                      : "我方在" + std::string(place.city) + "地区的经销商，" +
                                                            Cooperation(lifecycle, start, slot.arrears);
        body["financial_status"] = FinancialStatus(lifecycle, slot.arrears);
        body["needs"] = std::string(
            PickOne(rng_, "希望获得区域独家代理|要求提高返利比例|需要常用规格现货支持|希望我方提供技术培训"));
        Thin(body, kTraderExpected, kTraderDroppable, fill);
        body["contacts"] = MakeContacts(rng_, proprietor, "总经理", kTraderTitles, domain);

        DemoCustomer customer;
        customer.owner_username = Owner(place.region, lifecycle);
        customer.activities = MakeActivities(rng_, ActivityContext{lifecycle, start, products, slot.arrears}, today_);
        customer.body = std::move(body);
        return customer;
    }

    DemoCustomer Individual(const Slot& slot) {
        const Place& place = PickPlace(slot.region);
        const string_view lifecycle = slot.lifecycle;
        Person person;
        const std::string name = UniqueName([&] {
            person = MakePerson(rng_);
            return person.name;
        });
        const int fill = FillLevel(lifecycle);

        json::object body = Head("individual", name, place.region, "consumer", "general", lifecycle);
        body["address"] = Address(rng_, place, "individual");
        body["postcode"] = Postcode(rng_, place);
        body["phone"] = MobilePhone(rng_);
        if (rng_.Percent(60)) {
            body["email"] =
                person.pinyin + std::to_string(rng_.Between(60, 99)) + "@" + std::string(rng_.Pick(kFreeMail));
        }
        std::optional<Date> start;
        if (lifecycle != "prospect") {
            start = AddDays(today_, -RelationshipDaysAgo(rng_, lifecycle));
            body["relationship_start"] = FormatDate(*start);
        }
        body["payment_method"] = std::string(PickOne(rng_, "cash|bank_transfer"));
        body["development_potential"] = rng_.Between(1, 4);
        body["cooperation"] = std::string(PickOne(
            rng_, "个体防腐施工队负责人，零星采购衬氟阀门|承接小型化工厂管道改造，按项目采购|个体维修户，采购备件"));
        body["needs"] = std::string(PickOne(rng_, "需要小批量现货|希望价格优惠|需要上门指导安装"));
        body["local_culture"] = std::string(rng_.Pick(kLocalCultures));
        Thin(body, kIndividualExpected, kIndividualDroppable, fill);
        body["contacts"] = MakeContacts(rng_, person, "负责人", "家属|合伙人", std::string());

        DemoCustomer customer;
        customer.owner_username = Owner(place.region, lifecycle);
        customer.activities =
            MakeActivities(rng_, ActivityContext{lifecycle, start, {"衬氟球阀", "衬氟蝶阀"}, slot.arrears}, today_);
        customer.body = std::move(body);
        return customer;
    }

    Rng rng_;
    std::uint64_t rng_seed_;
    Date today_;
    std::set<std::string> names_;
    std::set<std::string> tax_ids_;
};

}  // namespace

DemoCompany BuildDemoCompany(std::uint64_t seed, Date today) { return Generator(seed, today).Build(); }

}  // namespace credo::cli

#include "credo/app/management_report.hpp"

#include <array>
#include <map>

#include "credo/app/audit.hpp"
#include "credo/app/auth.hpp"
#include "credo/app/reports.hpp"
#include "credo/domain/classification/classification.hpp"

namespace credo::app {
namespace {

__extension__ typedef __int128 Wide;

// The report's words, per language: en, es, zh-CN, zh-TW.
enum Text {
    kTitle,
    kAsOf,
    kScope,
    kScopeAll,
    kScopeMine,
    kCurrency,
    kKeyFigures,
    kFigure,
    kValue,
    kCustomers,
    kPurchases12,
    kPurchasesBefore,
    kGrowth,
    kOpen,
    kOverdue,
    kOverdueShare,
    kCustomersOverdue,
    kLimits,
    kAnomalyCount,
    kGrades,
    kGrade,
    kShare,
    kExposureOpen,
    kNoGrade,
    kBiggest,
    kRiskiest,
    kRank,
    kCustomer,
    kCode,
    kOwner,
    kRegion,
    kDaysLate,
    kScore,
    kAnomalies,
    kKind,
    kPool,
    kSharesNote,
    kRiskNote,
    kTextCount
};
using Words = std::array<const char*, kTextCount>;
const std::map<std::string, Words, std::less<>>& Dictionary() {
    static const std::map<std::string, Words, std::less<>> d = {
        {"en",
         {"Management report",
          "As of",
          "Files",
          "all customers",
          "the customers in your scope",
          "Currency",
          "Key figures",
          "Figure",
          "Value",
          "Customers",
          "Purchases, last 12 months",
          "Purchases, 12 months before",
          "Growth",
          "Open receivables",
          "Past due",
          "Past due share of open",
          "Customers with items past due",
          "Credit limits in force",
          "Anomalies",
          "Grades",
          "Grade",
          "Share",
          "Open receivables",
          "No grade",
          "Biggest customers",
          "Riskiest customers",
          "#",
          "Customer",
          "Code",
          "Owner",
          "Region",
          "Days late",
          "Score",
          "Anomalies",
          "Kind",
          "(pool)",
          "Shares are rounded so that they add up to 100 %.",
          "Riskiest: longest delay first, then the amount past due, grade IV before III, then the lower score."}},
        {"es",
         {"Informe de gestión",
          "A fecha de",
          "Expedientes",
          "todos los clientes",
          "los clientes a su cargo",
          "Moneda",
          "Cifras clave",
          "Cifra",
          "Valor",
          "Clientes",
          "Compras, últimos 12 meses",
          "Compras, 12 meses anteriores",
          "Crecimiento",
          "Cuentas por cobrar",
          "Vencido",
          "Vencido sobre pendiente",
          "Clientes con partidas vencidas",
          "Límites de crédito vigentes",
          "Anomalías",
          "Grados",
          "Grado",
          "Cuota",
          "Pendiente de cobro",
          "Sin grado",
          "Mayores clientes",
          "Clientes de mayor riesgo",
          "#",
          "Cliente",
          "Código",
          "Responsable",
          "Región",
          "Días de retraso",
          "Puntuación",
          "Anomalías",
          "Tipo",
          "(cartera común)",
          "Las cuotas se redondean para sumar 100 %.",
          "Mayor riesgo: primero el mayor retraso, luego el importe vencido, grado IV antes que III y la menor "
          "puntuación."}},
        {"zh-CN",
         {"管理报告",
          "截至",
          "范围",
          "全部客户",
          "您负责的客户",
          "币种",
          "关键数据",
          "指标",
          "数值",
          "客户数",
          "近12个月采购额",
          "此前12个月采购额",
          "增长",
          "应收账款",
          "逾期",
          "逾期占应收比例",
          "有逾期的客户",
          "有效信用额度",
          "异常",
          "信用等级分布",
          "等级",
          "占比",
          "应收账款",
          "未定级",
          "最大客户",
          "风险最高客户",
          "序号",
          "客户",
          "编码",
          "负责人",
          "区域",
          "逾期天数",
          "信用分",
          "异常情况",
          "类型",
          "（公海）",
          "占比经取整，合计为 100%。",
          "风险排序：逾期最久者在前，其次逾期金额、丁级先于丙级、信用分较低者。"}},
        {"zh-TW",
         {"管理報告",
          "截至",
          "範圍",
          "全部客戶",
          "您負責的客戶",
          "幣種",
          "關鍵數據",
          "指標",
          "數值",
          "客戶數",
          "近12個月採購額",
          "此前12個月採購額",
          "增長",
          "應收帳款",
          "逾期",
          "逾期佔應收比例",
          "有逾期的客戶",
          "有效信用額度",
          "異常",
          "信用等級分佈",
          "等級",
          "佔比",
          "應收帳款",
          "未定級",
          "最大客戶",
          "風險最高客戶",
          "序號",
          "客戶",
          "編碼",
          "負責人",
          "區域",
          "逾期天數",
          "信用分",
          "異常情況",
          "類型",
          "（公海）",
          "佔比經取整，合計為 100%。",
          "風險排序：逾期最久者在前，其次逾期金額、丁級先於丙級、信用分較低者。"}},
    };
    return d;
}

// The anomaly kinds and grades as each language names them.
std::string KindName(domain::AnomalyKind k, const std::string& language) {
    static const std::map<std::string, std::array<const char*, 6>, std::less<>> names = {
        {"en",
         {"Purchase drop", "Purchase surge", "New overdue items", "Limit breach", "Credit report expired",
          "Lost customer"}},
        {"es",
         {"Caída de compras", "Aumento brusco de compras", "Nuevos vencidos", "Límite superado",
          "Informe de crédito caducado", "Cliente perdido"}},
        {"zh-CN", {"采购骤降", "采购激增", "新增逾期", "超出额度", "资信报告过期", "流失客户"}},
        {"zh-TW", {"採購驟降", "採購激增", "新增逾期", "超出額度", "資信報告過期", "流失客戶"}},
    };
    return names.at(language)[static_cast<std::size_t>(k)];
}

std::string GradeName(const std::string& grade, const std::string& language) {
    if (language != "zh-CN" && language != "zh-TW") return grade;
    static const std::map<std::string, std::string> chinese = {{"I", "甲"}, {"II", "乙"}, {"III", "丙"}, {"IV", "丁"}};
    auto it = chinese.find(grade);
    return it == chinese.end() ? grade : it->second;
}

std::string Amount(std::int64_t minor, const Currency& currency) { return Money(minor, currency).ToString(); }

// Basis points as a percentage with two decimals: 1234 -> "12.34 %".
std::string Percent(std::int64_t bp) {
    const std::string sign = bp < 0 ? "-" : "";
    const std::int64_t v = bp < 0 ? -bp : bp;
    const std::int64_t cents = v % 100;
    return sign + std::to_string(v / 100) + "." + (cents < 10 ? "0" : "") + std::to_string(cents) + " %";
}

}  // namespace

Result<tabular::Document> BuildManagementReport(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of,
                                                const std::string& language) {
    CREDO_CHECK(ValidateLanguage(language));
    const Words& w = Dictionary().at(language);
    CREDO_TRY(auto figures, GetCustomerFigures(tx, ctx, actor, as_of));
    CREDO_TRY(auto ends, GetBothEnds(tx, ctx, actor, as_of, 10));
    CREDO_TRY(auto anomalies, GetAnomalies(tx, ctx, actor, as_of));
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));

    tabular::Document d;
    d.title = w[kTitle];
    d.lines.push_back(std::string(w[kAsOf]) + ": " + FormatDate(as_of));
    d.lines.push_back(std::string(w[kScope]) + ": " + (domain::ReadScope(actor).all ? w[kScopeAll] : w[kScopeMine]) +
                      " (" + actor.display_name + ")");
    d.lines.push_back(std::string(w[kCurrency]) + ": " + ctx.settings.base_currency);

    std::int64_t purchases = 0, before = 0, open = 0, overdue = 0, late_customers = 0, limits = 0;
    for (const auto& f : figures) {
        purchases += f.purchases_minor;
        before += f.previous_purchases_minor;
        open += f.open_minor;
        overdue += f.overdue_minor;
        late_customers += f.overdue_minor > 0 ? 1 : 0;
        limits += f.limit_minor.value_or(0);
    }
    auto ratio_bp = [](std::int64_t part, std::int64_t whole) -> std::string {
        if (whole <= 0) return "—";
        return Percent(static_cast<std::int64_t>(static_cast<Wide>(part) * 10000 / whole));
    };
    tabular::Section key{w[kKeyFigures], {{w[kFigure]}, {w[kValue], true}}, {}, ""};
    key.rows = {{w[kCustomers], std::to_string(figures.size())},
                {w[kPurchases12], Amount(purchases, base)},
                {w[kPurchasesBefore], Amount(before, base)},
                {w[kGrowth], before > 0 ? ratio_bp(purchases - before, before) : "—"},
                {w[kOpen], Amount(open, base)},
                {w[kOverdue], Amount(overdue, base)},
                {w[kOverdueShare], ratio_bp(overdue, open)},
                {w[kCustomersOverdue], std::to_string(late_customers)},
                {w[kLimits], Amount(limits, base)},
                {w[kAnomalyCount], std::to_string(anomalies.items.size())}};
    d.sections.push_back(std::move(key));

    const std::vector<std::string> grades = {"I", "II", "III", "IV", ""};
    std::vector<std::int64_t> counts(grades.size(), 0), opens(grades.size(), 0);
    for (const auto& f : figures) {
        std::size_t g = grades.size() - 1;
        for (std::size_t i = 0; i + 1 < grades.size(); ++i)
            if (f.grade == grades[i]) g = i;
        ++counts[g];
        opens[g] += f.open_minor;
    }
    const auto shares = domain::SharesBp(counts);  // CL-5's rule: they add up to 100 %
    tabular::Section by_grade{w[kGrades],
                              {{w[kGrade]}, {w[kCustomers], true}, {w[kShare], true}, {w[kExposureOpen], true}},
                              {},
                              w[kSharesNote]};
    for (std::size_t i = 0; i < grades.size(); ++i)
        by_grade.rows.push_back({grades[i].empty() ? w[kNoGrade] : GradeName(grades[i], language),
                                 std::to_string(counts[i]), Percent(shares[i]), Amount(opens[i], base)});
    d.sections.push_back(std::move(by_grade));

    auto owner = [&](const CustomerFigures& f) { return f.owner ? f.owner_name : std::string(w[kPool]); };
    tabular::Section biggest{w[kBiggest],
                             {{w[kRank], true},
                              {w[kCustomer]},
                              {w[kCode]},
                              {w[kOwner]},
                              {w[kPurchases12], true},
                              {w[kShare], true},
                              {w[kOpen], true}},
                             {},
                             ""};
    for (std::size_t i = 0; i < ends.biggest.size(); ++i) {
        const auto& f = ends.biggest[i];
        biggest.rows.push_back({std::to_string(i + 1), f.name, f.code, owner(f), Amount(f.purchases_minor, base),
                                ratio_bp(f.purchases_minor, ends.total_purchases_minor), Amount(f.open_minor, base)});
    }
    d.sections.push_back(std::move(biggest));
    tabular::Section riskiest{w[kRiskiest],
                              {{w[kRank], true},
                               {w[kCustomer]},
                               {w[kCode]},
                               {w[kOwner]},
                               {w[kOverdue], true},
                               {w[kDaysLate], true},
                               {w[kGrade]},
                               {w[kScore], true}},
                              {},
                              w[kRiskNote]};
    for (std::size_t i = 0; i < ends.riskiest.size(); ++i) {
        const auto& f = ends.riskiest[i];
        riskiest.rows.push_back({std::to_string(i + 1), f.name, f.code, owner(f), Amount(f.overdue_minor, base),
                                 std::to_string(f.max_days_past_due), f.grade ? GradeName(*f.grade, language) : "—",
                                 f.score ? std::to_string(*f.score) : "—"});
    }
    d.sections.push_back(std::move(riskiest));
    tabular::Section found{w[kAnomalies], {{w[kKind]}, {w[kCustomer]}, {w[kCode]}, {w[kOwner]}, {w[kRegion]}}, {}, ""};
    for (const auto& a : anomalies.items)
        found.rows.push_back(
            {KindName(a.kind, language), a.customer.name, a.customer.code, owner(a.customer), a.customer.region});
    d.sections.push_back(std::move(found));
    return d;
}

Result<ExportFile> ExportManagementReport(Database& db, const Context& ctx, const domain::Actor& actor, Date as_of,
                                          const std::string& format, const std::string& language) {
    if (format != "xlsx" && format != "pdf") return FieldError("format", Quoted(format) + " is not one of xlsx, pdf");
    return WriteTx(db, [&](Tx& tx) -> Result<ExportFile> {
        CREDO_TRY(auto document, BuildManagementReport(tx, ctx, actor, as_of, language));
        ExportFile file;
        const std::string name = "credo-management-" + FormatDate(as_of);
        if (format == "xlsx") {
            CREDO_TRY(file.bytes, tabular::DocumentXlsx(document));
            file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            file.filename = name + ".xlsx";
        } else {
            CREDO_TRY(file.bytes, tabular::DocumentPdf(document));
            file.content_type = "application/pdf";
            file.filename = name + ".pdf";
        }
        for (std::size_t i = 2; i < document.sections.size(); ++i)  // both ends and anomalies name customers
            file.rows += static_cast<int>(document.sections[i].rows.size());
        CREDO_CHECK(RecordAudit(
            tx, ctx, actor, audit_action::kReportExport, "report", "management",
            {{"as_of", FormatDate(as_of)}, {"format", format}, {"language", language}, {"rows", file.rows}}));
        return file;
    });
}

}  // namespace credo::app

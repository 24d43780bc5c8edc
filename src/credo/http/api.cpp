#include "credo/http/api.hpp"

#include "credo/http/handlers/common.hpp"

namespace credo::http {

Router BuildApi(ApiDeps& deps) {
    Router router;
    RegisterSystem(router, deps);
    RegisterAuth(router, deps);
    RegisterCustomers(router, deps);
    RegisterTransfer(router, deps);
    RegisterAudit(router, deps);
    RegisterOwnership(router, deps);
    RegisterAlerts(router, deps);
    RegisterLedger(router, deps);
    RegisterCreditApplications(router, deps);
    RegisterManagementReports(router, deps);
    RegisterClassification(router, deps);
    RegisterCollections(router, deps);
    RegisterReceivablesReports(router, deps);
    RegisterAnalytics(router, deps);
    RegisterDashboard(router, deps);
    if (deps.web) router.SetFallback([web = deps.web](const Request& request) { return web->Serve(request); });
    return router;
}

}  // namespace credo::http

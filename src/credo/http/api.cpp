#include "credo/http/api.hpp"

#include "credo/http/handlers/common.hpp"

namespace credo::http {

Router BuildApi(ApiDeps& deps) {
    Router router;
    RegisterSystem(router, deps);
    RegisterAuth(router, deps);
    RegisterCustomers(router, deps);
    RegisterTransfer(router, deps);
    return router;
}

}  // namespace credo::http

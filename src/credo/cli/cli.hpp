// The `credo` command line (SPEC §12, "Command line"): one file per subcommand. Exit status 0 on
// success, 2 on bad usage, 1 on failure, with a one-line reason on stderr.
#pragma once

namespace credo::cli {

int Main(int argc, char** argv);

}  // namespace credo::cli

// credo: one binary for the server and every operator command.
#include "credo/cli/cli.hpp"

int main(int argc, char** argv) { return credo::cli::Main(argc, argv); }

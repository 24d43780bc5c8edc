# credo_embed_sql(target sql_dir): turns sql/queries/<context>/<name>.sql (+ <name>.pg.sql where the
# PostgreSQL dialect differs) and sql/migrations/<dialect>/V<NNN>__<what>.sql into named constants in
# <credo/sql/embedded.hpp>, so that no SQL string lives in C++ source.
function(credo_embed_sql target sql_dir)
    file(GLOB_RECURSE sql_files CONFIGURE_DEPENDS ${sql_dir}/*.sql)
    set(out ${CMAKE_BINARY_DIR}/generated/credo/sql/embedded.hpp)
    add_custom_command(
        OUTPUT ${out}
        COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/cmake/embed_sql.py ${sql_dir} ${out}
        DEPENDS ${sql_files} ${CMAKE_SOURCE_DIR}/cmake/embed_sql.py
        COMMENT "Embedding SQL from ${sql_dir}")
    add_custom_target(${target}_gen DEPENDS ${out})
    add_library(${target} INTERFACE)
    add_dependencies(${target} ${target}_gen)
    target_include_directories(${target} INTERFACE ${CMAKE_BINARY_DIR}/generated)
endfunction()

# encore_add_test(NAME SOURCES ... LIBRARIES ... [GUI] [TIMEOUT s] [LABELS ...])
# Qt 6.4 has no public qt_add_test: a QtTest executable registered with ctest.
function(encore_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test encore_options ${ARG_LIBRARIES})
    if(TARGET encore-server)
        add_dependencies(${name} encore-server) # tests run the server binary as a child process
    endif()
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    if(TARGET encore-pay-sandbox)
        add_dependencies(${name} encore-pay-sandbox) # card tests run the sandbox gateway too
    endif()
    set(env "QT_QPA_PLATFORM=offscreen;ENCORE_SERVER_BIN=$<TARGET_FILE:encore-server>;ENCORE_PAY_SANDBOX_BIN=$<TARGET_FILE:encore-pay-sandbox>")
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${env}")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()

# encore_add_test_variant(NAME TARGET ENV ...): run an existing test executable again under
# another ctest name with extra environment, e.g. the server suites against the Redis store.
function(encore_add_test_variant name target)
    add_test(NAME ${name} COMMAND ${target})
    get_test_property(${target} TIMEOUT timeout)
    set(env "QT_QPA_PLATFORM=offscreen;ENCORE_SERVER_BIN=$<TARGET_FILE:encore-server>;ENCORE_PAY_SANDBOX_BIN=$<TARGET_FILE:encore-pay-sandbox>;${ARGN}")
    set_tests_properties(${name} PROPERTIES TIMEOUT ${timeout} ENVIRONMENT "${env}")
endfunction()

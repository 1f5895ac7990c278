# Run by CPack before it packs (CPACK_PRE_BUILD_SCRIPTS): drops the compilers'
# .comment section from the staged programs, as Debian's dh_strip does.
file(GLOB programs "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}/bin/*")
if(NOT programs)
    message(FATAL_ERROR "no programs staged in ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
foreach(program ${programs})
    execute_process(COMMAND "${CPACK_OBJCOPY_EXECUTABLE}" --remove-section=.comment "${program}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()

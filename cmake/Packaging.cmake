# Installation layout and CPack packages:
#   Debian and other Linux: `cmake --build BUILD --target package` makes
#     trhealth_<version>_<arch>.deb (binaries, desktop entry, icons, AppStream metainfo, MIME types, man pages); Depends
#     are computed by dpkg-shlibdeps from what the binaries link.
#   Windows: the same target makes an NSIS installer, with the Qt runtime gathered by
#     windeployqt and the other DLLs by CMake's runtime-dependency scan.
include(GNUInstallDirs)

set(TRHEALTH_APP_ID org.trhealth.trhealth)
set(trhealth_linux ${PROJECT_SOURCE_DIR}/resources/linux)
set(trhealth_icons ${PROJECT_SOURCE_DIR}/resources/icons)
set(TRHEALTH_ICON_SIZES 16 24 32 48 64 128 256 512)

if(WIN32)
    # windeployqt copies the Qt libraries, plugins and translations next to the programs;
    # the DLLs of vcpkg's SQLite, libxlsxwriter and qtkeychain come from the dependency scan.
    install(TARGETS trhealth trhealth-cli RUNTIME_DEPENDENCIES
            PRE_EXCLUDE_REGEXES "api-ms-.*" "ext-ms-.*" "Qt6.*"
            POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*\\.dll"
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        qt_generate_deploy_app_script(TARGET trhealth OUTPUT_SCRIPT trhealth_deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET trhealth FILENAME_VARIABLE trhealth_deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${trhealth_deploy_script})
else()
    install(TARGETS trhealth trhealth-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

if(UNIX AND NOT APPLE)
    install(FILES ${trhealth_linux}/${TRHEALTH_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${trhealth_linux}/${TRHEALTH_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${trhealth_linux}/trhealth.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
            RENAME ${TRHEALTH_APP_ID}.xml)
    install(FILES ${trhealth_icons}/trhealth.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
            RENAME ${TRHEALTH_APP_ID}.svg)
    foreach(size IN LISTS TRHEALTH_ICON_SIZES)
        install(FILES ${trhealth_icons}/trhealth-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME ${TRHEALTH_APP_ID}.png)
    endforeach()

    # Man pages and the changelog are installed compressed (gzip -n: no name or time stamp,
    # so the package is reproducible), as Debian policy asks.
    find_program(GZIP_EXECUTABLE gzip REQUIRED)
    set(trhealth_gz_files)
    foreach(src trhealth.1 trhealth-cli.1 changelog)
        set(out ${CMAKE_CURRENT_BINARY_DIR}/packaging/${src}.gz)
        add_custom_command(OUTPUT ${out}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/packaging
            COMMAND ${GZIP_EXECUTABLE} -9 -n -c ${trhealth_linux}/${src} > ${out}
            DEPENDS ${trhealth_linux}/${src} VERBATIM)
        list(APPEND trhealth_gz_files ${out})
    endforeach()
    add_custom_target(trhealth_packaging_files ALL DEPENDS ${trhealth_gz_files})
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/trhealth.1.gz
                  ${CMAKE_CURRENT_BINARY_DIR}/packaging/trhealth-cli.1.gz
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz ${trhealth_linux}/copyright
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/trhealth)
endif()

# --- CPack ----------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME trhealth)
set(CPACK_PACKAGE_VENDOR "The trhealth developers")
set(CPACK_PACKAGE_CONTACT "The trhealth developers <trhealth@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Tanium Threat Response maintenance console")
# Debian shows the description in 80 columns: keep its lines shorter.
set(CPACK_PACKAGE_DESCRIPTION
    "trhealth imports the monthly Threat Response maintenance answers of a Tanium
fleet (console CSV exports, API JSON, or a fetch from the server) into a local
workspace, shows each problem with the endpoints behind it and its fix,
compares months, and prints the monthly maintenance report. The package has
the desktop console, trhealth, and the command-line tool, trhealth-cli.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY trhealth)
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)
if(NOT CPACK_GENERATOR)
    if(WIN32)
        set(CPACK_GENERATOR NSIS)
    else()
        set(CPACK_GENERATOR DEB)
    endif()
endif()

# Debian: the library Depends come from dpkg-shlibdeps. Qt loads its platform plugins at run
# time, where dpkg-shlibdeps cannot see them: the xcb and offscreen plugins are in libqt6gui6,
# which the binaries link; Wayland sessions use XWayland unless qt6-wayland is installed.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# qtkeychain talks to the Secret Service (gnome-keyring, KWallet); German Qt dialogs come
# from qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")

# Windows: NSIS installer with Start-menu entry and the file associations.
set(CPACK_NSIS_DISPLAY_NAME "trhealth")
set(CPACK_NSIS_PACKAGE_NAME "trhealth ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${trhealth_icons}/trhealth.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\trhealth.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_PACKAGE_EXECUTABLES trhealth trhealth)
set(trhealth_open "'\"$INSTDIR\\bin\\trhealth.exe\" \"%1\"'")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "WriteRegStr HKCR \".trdb\" \"\" \"trhealth.Workspace\"
  WriteRegStr HKCR \"trhealth.Workspace\" \"\" \"trhealth workspace\"
  WriteRegStr HKCR \"trhealth.Workspace\\shell\\open\\command\" \"\" ${trhealth_open}
  WriteRegStr HKCR \".trhealth\" \"\" \"trhealth.Snapshot\"
  WriteRegStr HKCR \"trhealth.Snapshot\" \"\" \"trhealth snapshot file\"
  WriteRegStr HKCR \"trhealth.Snapshot\\shell\\open\\command\" \"\" ${trhealth_open}")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "DeleteRegKey HKCR \".trdb\"
  DeleteRegKey HKCR \"trhealth.Workspace\"
  DeleteRegKey HKCR \".trhealth\"
  DeleteRegKey HKCR \"trhealth.Snapshot\"")
include(CPack)

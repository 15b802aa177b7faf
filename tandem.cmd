@echo off
rem Tandem Studio launcher for Windows: builds when the app jar is missing, then runs it.
setlocal
set "ROOT=%~dp0"
set "APP=%ROOT%app\target"
if not exist "%APP%\tandem-app.jar" (
  echo building... 1>&2
  call "%ROOT%mvnw.cmd" -q -B -DskipTests install -f "%ROOT%pom.xml" || exit /b 2
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" %TANDEM_JAVA_OPTS% --add-opens=java.base/java.nio=ALL-UNNAMED -Dtandem.home="%ROOT%." -cp "%APP%\tandem-app.jar;%APP%\lib\*" studio.tandem.app.Main %*
exit /b %ERRORLEVEL%

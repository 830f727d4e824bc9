# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022

ENV APP_HOME=C:\app `
    NODE_VERSION=20.14.0

RUN mkdir C:\app

SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]

RUN $url = ('https://nodejs.org/dist/v{0}/node-v{0}-win-x64.zip' -f $env:NODE_VERSION); `
    Write-Host ('Downloading {0} ...' -f $url); `
    Invoke-WebRequest -Uri $url -OutFile 'node.zip'; `
    `
    # extract next to the app
    Expand-Archive node.zip -DestinationPath C:\; `
    Rename-Item -Path ('C:\node-v{0}-win-x64' -f $env:NODE_VERSION) -NewName 'C:\nodejs'; `
    Remove-Item node.zip -Force

WORKDIR C:\app
COPY package.json C:\app\
RUN npm ci --omit=dev
COPY . C:\app\

USER ContainerUser
CMD ["node.exe", "server.js"]

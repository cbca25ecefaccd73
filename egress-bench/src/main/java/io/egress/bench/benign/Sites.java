package io.egress.bench.benign;

import java.util.List;

/**
 * Real public destinations of the populations, with the CNAME chains and address blocks they resolve
 * to (Microsoft, Google, Akamai, Fastly, Cloudflare, CloudFront, AWS, Azure, GitHub, package registries).
 * {@code #} in a name is one generated hex digit, {@code *} a generated label.
 */
final class Sites {
    static final List<Site> BROWSING = List.of(
            site("www.google.com", 443, "142.250.185."),
            site("www.bing.com", 443, "13.107.21.", "www-bing-com.dual-a-0001.a-msedge.net", "dual-a-0001.a-msedge.net"),
            site("login.microsoftonline.com", 443, "20.190.151.", "login.mso.msidentity.com", "ak.privatelink.msidentity.com",
                    "www.tm.ak.prd.aadg.akadns.net"),
            site("outlook.office365.com", 443, "52.97.146.", "outlook.ha.office365.com", "outlook.ms-acdc.office.com"),
            site("contoso.sharepoint.com", 443, "13.107.136.", "189412-ipv4v6w.farm.dprodmgd104.aa-rt.sharepoint.com",
                    "dual-spo-0005.spo-msedge.net"),
            site("teams.microsoft.com", 443, "52.113.194.", "teams-office-com.s-0005.dc-msedge.net"),
            site("github.com", 443, "140.82.121."),
            site("objects.githubusercontent.com", 443, "185.199.108."),
            site("stackoverflow.com", 443, "104.18.32."),
            site("en.wikipedia.org", 443, "185.15.59.", "dyna.wikimedia.org"),
            site("www.bbc.co.uk", 443, "151.101.0.", "www.bbc.co.uk.pri.bbc.co.uk", "bbc.map.fastly.net"),
            site("docs.oracle.com", 443, "23.52.40.", "docs.oracle.com.edgekey.net", "e12345.dscx.akamaiedge.net"),
            site("www.adobe.com", 443, "23.47.205.", "www.adobe.com.edgekey.net", "e28578.d.akamaiedge.net"),
            site("fonts.gstatic.com", 443, "142.250.186."),
            site("ajax.googleapis.com", 443, "142.250.184."),
            site("cdn.jsdelivr.net", 443, "151.101.1.", "jsdelivr.map.fastly.net"),
            site("d3c33hcgiwev3.cloudfront.net", 443, "13.32.99."),
            site("d1ja#a#c#b#e#f.cloudfront.net", 443, "18.66.122."),
            site("r#---sn-4g5e*.googlevideo.com", 443, "173.194.182."),
            site("www.linkedin.com", 443, "13.107.42.", "www-linkedin-com.l-0005.l-msedge.net"),
            site("signin.aws.amazon.com", 443, "54.239.28."),
            site("contoso-assets-prod.s3.eu-west-1.amazonaws.com", 443, "52.218.48.", "s3-r-w.eu-west-1.amazonaws.com"),
            site("stcontosoprodweu01.blob.core.windows.net", 443, "20.60.222.", "blob.ams23prdstr09a.store.core.windows.net"),
            site("portal-contoso-a7f3c9e2b1d4f6a8.z01.azurefd.net", 443, "13.107.246.", "star-azurefd-prod.trafficmanager.net"),
            site("k3x9q2w1ab.execute-api.eu-west-1.amazonaws.com", 443, "3.248.180."),
            site("browser.events.data.msn.com", 443, "20.42.65.", "global.asimov.events.data.trafficmanager.net"),
            site("self.events.data.microsoft.com", 443, "20.189.173.", "self-events-data.trafficmanager.net",
                    "onedscolprdeus08.eastus.cloudapp.azure.com"),
            site("incoming.telemetry.mozilla.org", 443, "34.120.208.", "telemetry-incoming.r53-2.services.mozilla.com"),
            site("safebrowsing.googleapis.com", 443, "142.250.180."),
            site("update.googleapis.com", 443, "142.250.181."),
            site("optimizationguide-pa.googleapis.com", 443, "142.250.179."),
            site("nav-edge.smartscreen.microsoft.com", 443, "20.199.120.", "prod-agic-ne-4.northeurope.cloudapp.azure.com"),
            site("edge.microsoft.com", 443, "13.107.21.", "edge-microsoft-com.dual-a-0036.a-msedge.net"),
            site("ocsp.digicert.com", 80, "192.229.211.", "ocsp.edge.digicert.com", "fp2e7a.wpc.2be4.phicdn.net"),
            site("crl3.digicert.com", 80, "192.229.221.", "crl.edge.digicert.com", "cs9.wpc.v0cdn.net"),
            site("ocsp.pki.goog", 80, "142.250.185.", "pki-goog.l.google.com"),
            site("r10.o.lencr.org", 80, "23.215.0.", "o.lencr.edgesuite.net", "a1887.dscq.akamai.net"),
            site("neverssl.com", 80, "34.223.124."),
            site("www.example.com", 80, "93.184.215."));

    static final List<Site> OFFICE_APPS = List.of(
            site("outlook.office365.com", 443, "52.97.146.", "outlook.ha.office365.com", "outlook.ms-acdc.office.com"),
            site("substrate.office.com", 443, "52.98.240.", "outlook.ms-acdc.office.com"),
            site("ecs.office.com", 443, "52.113.194.", "ecs-office.s-0005.s-msedge.net"),
            site("officeclient.microsoft.com", 443, "52.109.68.", "prod.configsvc1.live.com.akadns.net"),
            site("nexusrules.officeapps.live.com", 443, "52.111.236.", "prod.nexusrules.live.com.akadns.net"),
            site("roaming.officeapps.live.com", 443, "52.109.76.", "prod.roaming1.live.com.akadns.net"),
            site("teams.events.data.microsoft.com", 443, "52.113.195."),
            site("presence.teams.microsoft.com", 443, "52.114.88."),
            site("contoso-my.sharepoint.com", 443, "13.107.138.", "189412-ipv4v6w.farm.dprodmgd104.aa-rt.sharepoint.com"),
            site("g.live.com", 443, "13.107.42."),
            site("skyapi.live.net", 443, "13.107.42."),
            site("api.slack.com", 443, "3.66.255."),
            site("zoom.us", 443, "170.114.52."));

    static final List<Site> WINDOWS_UPDATE = List.of(
            site("fe3cr.delivery.mp.microsoft.com", 443, "20.103.156.", "fe3.delivery.dsp.mp.microsoft.com.nsatc.net"),
            site("slscr.update.microsoft.com", 443, "20.12.23.", "glb.cws.prod.dcat.dsp.trafficmanager.net"),
            site("7.tlu.dl.delivery.mp.microsoft.com", 80, "23.216.147.", "7.tlu.dl.delivery.mp.microsoft.com.c.footprint.net",
                    "wu-b-net.trafficmanager.net"),
            site("download.windowsupdate.com", 80, "23.216.148.", "download.windowsupdate.com.edgesuite.net", "a767.dspw65.akamai.net"),
            site("ctldl.windowsupdate.com", 80, "23.216.149.", "wu-bg-shim.trafficmanager.net", "audownload.windowsupdate.nsatc.net"),
            site("www.msftconnecttest.com", 80, "13.107.4.", "www.msftncsi.com.edgesuite.net", "a1961.g2.akamai.net"),
            site("settings-win.data.microsoft.com", 443, "20.50.80.", "atm-settingsfe-prod-geo2.trafficmanager.net"),
            site("v10.events.data.microsoft.com", 443, "20.42.73.", "global.asimov.events.data.trafficmanager.net"),
            site("watson.telemetry.microsoft.com", 443, "20.42.65.", "umwatson.events.data.microsoft.com"));

    static final List<Site> DEFENDER = List.of(
            site("wdcp.microsoft.com", 443, "20.42.72.", "wd-prod-cp.trafficmanager.net"),
            site("wdcpalt.microsoft.com", 443, "20.42.72.", "wd-prod-cp.trafficmanager.net"),
            site("definitionupdates.microsoft.com", 443, "13.107.4.", "definitionupdates.microsoft.com.edgekey.net"),
            site("winatp-gw-weu.microsoft.com", 443, "20.50.201."),
            site("unitedstates.x.cp.wd.microsoft.com", 443, "20.10.127."),
            site("go.microsoft.com", 443, "23.53.253.", "go.microsoft.com.edgekey.net", "e11290.dspg.akamaiedge.net"));

    static final List<Site> OFFICE_CDN = List.of(
            site("officecdn.microsoft.com", 80, "23.35.68.", "officecdn.microsoft.com.edgesuite.net", "a1778.g2.akamai.net"));

    static final List<Site> GOOGLE_UPDATE = List.of(
            site("dl.google.com", 80, "142.250.186."),
            site("edgedl.me.gvt1.com", 80, "34.104.35."));

    static final List<Site> APPLE = List.of(
            site("swcdn.apple.com", 80, "17.253.53.", "swcdn.g.aaplimg.com"),
            site("mesu.apple.com", 443, "17.253.53.", "mesu-cdn.apple.com.akadns.net", "mesu.g.aaplimg.com"),
            site("gdmf.apple.com", 443, "17.171.47."),
            site("xp.apple.com", 443, "17.32.194.", "xp.itunes-apple.com.akadns.net"),
            site("configuration.ls.apple.com", 443, "17.253.21.", "configuration.ls.apple.com.edgekey.net", "e17437.dsct.akamaiedge.net"));

    static final Site GITHUB = site("github.com", 443, "140.82.121.");
    static final Site GITHUB_API = site("api.github.com", 443, "140.82.121.");
    static final Site GITHUB_RELEASES = site("objects.githubusercontent.com", 443, "185.199.108.");
    static final Site NPM = site("registry.npmjs.org", 443, "104.16.2.");
    static final Site PYPI = site("pypi.org", 443, "151.101.64.");
    static final Site PYPI_FILES = site("files.pythonhosted.org", 443, "151.101.128.");
    static final Site MAVEN = site("repo.maven.apache.org", 443, "151.101.132.", "repo.maven.apache.org.global.prod.fastly.net");
    static final Site DOCKER = site("registry-1.docker.io", 443, "54.236.113.");
    static final Site DOCKER_CDN = site("production.cloudflare.docker.com", 443, "104.16.100.");
    static final Site UBUNTU = site("archive.ubuntu.com", 80, "91.189.91.");
    static final Site UBUNTU_SECURITY = site("security.ubuntu.com", 80, "185.125.190.");
    static final Site RHEL = site("cdn.redhat.com", 443, "23.50.130.", "cdn.redhat.com.edgekey.net", "e3396.dscx.akamaiedge.net");
    static final Site HOMEBREW = site("ghcr.io", 443, "140.82.121.");
    static final Site CHOCO = site("community.chocolatey.org", 443, "104.20.73.");
    static final Site WINGET = site("cdn.winget.microsoft.com", 443, "13.107.246.", "winget-cdn.azureedge.net");
    static final Site NTP_UBUNTU = site("ntp.ubuntu.com", 123, "185.125.190.");
    static final Site DATADOG = site("7-52-0-app.agent.datadoghq.eu", 443, "34.107.236.", "alb-intake-eu1.datadoghq.eu");
    static final Site S3_BACKUP = site("corp-offsite-backup.s3.eu-central-1.amazonaws.com", 443, "52.219.170.",
            "s3-r-w.eu-central-1.amazonaws.com");

    private Sites() {
    }

    static Site site(String name, int port, String prefix, String... cnames) {
        return new Site(name, List.of(cnames), prefix, port);
    }
}

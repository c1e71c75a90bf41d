window.YTD.ni_devices.part0 = [
  {
    "niDeviceResponse" : {
      "pushDevice" : {
        "deviceVersion" : "17.4",
        "udid" : "5B3F0C9A2E7D41A8B6C1D2E3F4A5B6C7",
        "deviceType" : "Twitter for iOS",
        "token" : "demo-token-not-real",
        "updatedDate" : "2025.10.30",
        "createdDate" : "2020.08.04"
      }
    }
  }
]
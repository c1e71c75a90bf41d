window.YTD.direct_messages.part0 = [
  {
    "dmConversation" : {
      "conversationId" : "1187365530211098624-1290458813276540928",
      "messages" : [
        {
          "messageCreate" : {
            "recipientId" : "1290458813276540928",
            "reactions" : [],
            "urls" : [],
            "text" : "will do, thanks!!",
            "mediaUrls" : [],
            "senderId" : "1187365530211098624",
            "id" : "1637799146421805108",
            "createdAt" : "2023-03-20T12:52:00.412Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1187365530211098624",
            "reactions" : [],
            "urls" : [],
            "text" : "Hi Owen, no problem. Please ring reception to rebook so it's in the system rather than messaging here. See you soon.",
            "mediaUrls" : [],
            "senderId" : "1290458813276540928",
            "id" : "1637796126523016883",
            "createdAt" : "2023-03-20T12:40:00.412Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1290458813276540928",
            "reactions" : [],
            "urls" : [],
            "text" : "Hi Jess sorry to message on here, work changed my shifts, can we move Tuesday?",
            "mediaUrls" : [],
            "senderId" : "1187365530211098624",
            "id" : "1637713582618294950",
            "createdAt" : "2023-03-20T07:12:00.412Z"
          }
        }
      ]
    }
  },
  {
    "dmConversation" : {
      "conversationId" : "1290458813276540928-1458822019934707712",
      "messages" : [
        {
          "messageCreate" : {
            "recipientId" : "1458822019934707712",
            "reactions" : [],
            "urls" : [],
            "text" : "BORROWED. yes 7, I'll bring snacks",
            "mediaUrls" : [],
            "senderId" : "1290458813276540928",
            "id" : "1536415604536310181",
            "createdAt" : "2022-06-13T18:30:00.412Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1290458813276540928",
            "reactions" : [],
            "urls" : [],
            "text" : "practice tmrw 7? bring the capo you stole",
            "mediaUrls" : [],
            "senderId" : "1458822019934707712",
            "id" : "1536408558106645639",
            "createdAt" : "2022-06-13T18:02:00.412Z"
          }
        }
      ]
    }
  }
]
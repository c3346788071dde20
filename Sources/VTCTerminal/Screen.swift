import VTCDomain

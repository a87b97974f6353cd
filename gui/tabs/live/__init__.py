"""The Live tab: camera or video, top-k at the source's rate, CAM, recording samples."""

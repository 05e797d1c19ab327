document.getElementById("app")!.textContent = "Cadence";
